-- Revert marketdb:core/extensions from pg

BEGIN;

DROP EXTENSION timescaledb;

DROP SCHEMA timescaledb;

COMMIT;
