-- Deploy marketdb:core/extensions to pg

BEGIN;

-- Fail fast instead of queueing behind live traffic while blocking it.
SET LOCAL lock_timeout = '5s';

-- TimescaleDB's API (create_hypertable, drop_chunks, time_bucket, ...) gets a schema of
-- its own instead of public: public is where ad-hoc objects land, and callers name the
-- API schema-qualified, so nothing in public can shadow it.
-- pgTAP is deliberately not here: the test harness installs it into test databases only.
CREATE SCHEMA timescaledb;

CREATE EXTENSION timescaledb WITH SCHEMA timescaledb;

COMMIT;
