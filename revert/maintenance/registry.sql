-- Revert marketdb:maintenance/registry from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TYPE maintenance.action;
DROP TABLE maintenance.run_log;
DROP TABLE maintenance.policy;

COMMIT;
