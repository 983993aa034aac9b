-- Deploy marketdb:core/schemas to pg
-- requires: core/extensions
-- requires: core/roles

BEGIN;

-- Fail fast instead of queueing behind live traffic while blocking it.
SET LOCAL lock_timeout = '5s';

-- One schema per domain (shared/DESIGN.md), all owned by the owner role.
CREATE SCHEMA exchange AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA exchange IS 'Event-contract exchange: series, events, markets, trades, order book, settlements';

CREATE SCHEMA onchain AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA onchain IS 'On-chain prediction market keyed by token id';

CREATE SCHEMA crypto AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA crypto IS 'Crypto exchange feeds: candles, trades, open interest, funding';

CREATE SCHEMA macro AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA macro IS 'Macro series with point-in-time release times, curves, flows, signals';

CREATE SCHEMA equities AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA equities IS 'End-of-day equities, corporate actions and incremental sync state';

CREATE SCHEMA maintenance AUTHORIZATION marketdb_owner;
COMMENT ON SCHEMA maintenance IS 'Partition and retention policy registry and the functions that apply it';

-- A new schema grants nothing to PUBLIC; this states it, so a later ad-hoc GRANT to PUBLIC
-- is visible drift against this script and the privilege tests.
REVOKE ALL ON SCHEMA exchange, onchain, crypto, macro, equities, maintenance FROM PUBLIC;

GRANT USAGE ON SCHEMA exchange, onchain, crypto, macro, equities TO marketdb_reader, marketdb_writer;
GRANT USAGE ON SCHEMA maintenance TO marketdb_reader, marketdb_maintainer;
-- The TimescaleDB API: the owner makes hypertables with it, readers call time_bucket & co.
GRANT USAGE ON SCHEMA timescaledb TO marketdb_owner, marketdb_reader, marketdb_writer, marketdb_maintainer;

-- Default privileges: every table and sequence the owner creates later in a data schema is
-- granted by rule, not by hand. Writers get no DELETE or TRUNCATE: removing data is
-- retention's job (maintenance), never ingestion's.
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    GRANT SELECT ON TABLES TO marketdb_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    GRANT SELECT, INSERT, UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    GRANT USAGE, SELECT ON SEQUENCES TO marketdb_writer;

-- The policy registry and run log are readable by readers; maintenance changes data only
-- through its functions.
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance
    GRANT SELECT ON TABLES TO marketdb_reader;

-- No function the owner creates is executable by PUBLIC: each grant is a decision. This
-- has to be database-wide (PostgreSQL cannot revoke a built-in default per schema).
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner
    REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance
    GRANT EXECUTE ON FUNCTIONS TO marketdb_maintainer;

COMMIT;
