-- Revert marketdb:maintenance/rollups from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.rollups();

COMMIT;
