-- Revert marketdb:maintenance/timescaledb_job_health from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP VIEW maintenance.job_health;
DROP FUNCTION maintenance.timescaledb_job_health();

COMMIT;
