-- Verify marketdb:maintenance/run on pg

BEGIN;

SELECT 'maintenance.run_all()'::regprocedure,
       'maintenance.enabled_tables()'::regprocedure,
       'maintenance.outcome_of(maintenance.action[])'::regprocedure,
       'maintenance.run_policies(text[], text, timestamptz, boolean, integer)'::regprocedure;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.run_maintenance_for(text, timestamptz, boolean, integer)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.run_all()', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.prepare_rescue(text)', 'EXECUTE')::integer;
SELECT 1 / (NOT has_function_privilege('marketdb_maintainer', 'maintenance.run_policies(text[], text, timestamptz, boolean, integer)', 'EXECUTE'))::integer;

ROLLBACK;
