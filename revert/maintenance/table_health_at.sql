-- Revert marketdb:maintenance/table_health_at from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP VIEW maintenance.table_health;
DROP FUNCTION maintenance.table_health_at(timestamptz);

COMMIT;
