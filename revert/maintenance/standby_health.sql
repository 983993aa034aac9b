-- Revert marketdb:maintenance/standby_health from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP VIEW maintenance.standby_health;

COMMIT;
