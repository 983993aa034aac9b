-- Revert marketdb:maintenance/run from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP PROCEDURE maintenance.run_all();
DROP FUNCTION maintenance.prepare_rescue(text);
DROP FUNCTION maintenance.run_maintenance(timestamptz, boolean);
DROP FUNCTION maintenance.run_maintenance_for(text, timestamptz, boolean, integer);
DROP FUNCTION maintenance.enabled_tables();
DROP FUNCTION maintenance.outcome_of(maintenance.action[]);
DROP FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer);

COMMIT;
