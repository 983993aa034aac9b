-- Revert marketdb:maintenance/status from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.partition_status(timestamptz);

COMMIT;
