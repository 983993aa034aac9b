-- Revert marketdb:macro/series_metadata from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TABLE macro.series_metadata;

COMMIT;
