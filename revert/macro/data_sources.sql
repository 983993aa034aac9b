-- Revert marketdb:macro/data_sources from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TABLE macro.data_sources;

COMMIT;
