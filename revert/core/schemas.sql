-- Revert marketdb:core/schemas from pg

BEGIN;

ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance
    REVOKE EXECUTE ON FUNCTIONS FROM marketdb_maintainer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner
    GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance
    REVOKE SELECT ON TABLES FROM marketdb_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    REVOKE USAGE, SELECT ON SEQUENCES FROM marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    REVOKE SELECT, INSERT, UPDATE ON TABLES FROM marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange, onchain, crypto, macro, equities
    REVOKE SELECT ON TABLES FROM marketdb_reader;

REVOKE USAGE ON SCHEMA timescaledb FROM marketdb_owner, marketdb_reader, marketdb_writer, marketdb_maintainer;

DROP SCHEMA maintenance;
DROP SCHEMA equities;
DROP SCHEMA macro;
DROP SCHEMA crypto;
DROP SCHEMA onchain;
DROP SCHEMA exchange;

COMMIT;
