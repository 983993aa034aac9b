-- Verify marketdb:maintenance/partitions on pg

BEGIN;

-- has_function_privilege raises when the function does not exist.
SELECT has_function_privilege('maintenance.partitions_of(regclass)', 'EXECUTE');
SELECT has_function_privilege('maintenance.resolve_table(text)', 'EXECUTE');
SELECT has_function_privilege('maintenance.check_run_arguments(timestamptz, boolean)', 'EXECUTE');
SELECT has_function_privilege('maintenance.register_partitioned_table(text, integer, interval, text, interval)', 'EXECUTE');
SELECT has_function_privilege('maintenance.partition_plan(maintenance.policy, timestamptz, integer)', 'EXECUTE');
SELECT has_function_privilege('maintenance.execute_with_lock_retry(text, integer)', 'EXECUTE');
SELECT has_function_privilege('maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer)', 'EXECUTE');
SELECT has_function_privilege('maintenance.run_policies(text[], text, timestamptz, boolean, integer)', 'EXECUTE');
SELECT has_function_privilege('maintenance.partition_status(timestamptz)', 'EXECUTE');

-- The maintainer may run maintenance and nothing of the internals.
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.run_maintenance(timestamptz, boolean)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.run_maintenance_for(text, timestamptz, boolean, integer)', 'EXECUTE')::integer;
SELECT 1 / (NOT has_function_privilege('marketdb_maintainer', 'maintenance.register_partitioned_table(text, integer, interval, text, interval)', 'EXECUTE'))::integer;

ROLLBACK;
