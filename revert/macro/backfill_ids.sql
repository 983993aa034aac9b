-- Revert marketdb:macro/backfill_ids from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE macro.instruments ALTER COLUMN id SET GENERATED ALWAYS;
ALTER TABLE macro.data_sources ALTER COLUMN id SET GENERATED ALWAYS;
ALTER TABLE macro.series_metadata ALTER COLUMN id SET GENERATED ALWAYS;

COMMIT;
