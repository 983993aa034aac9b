-- Revert marketdb:maintenance/partitions from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.partition_status(timestamptz);
DROP FUNCTION maintenance.run_maintenance_for(text, timestamptz, boolean, integer);
DROP FUNCTION maintenance.run_maintenance(timestamptz, boolean);
DROP FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer);
DROP FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer);
DROP FUNCTION maintenance.execute_with_lock_retry(text, integer);
DROP FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer);
DROP FUNCTION maintenance.register_partitioned_table(text, integer, interval, text, interval);
DROP FUNCTION maintenance.check_run_arguments(timestamptz, boolean);
DROP FUNCTION maintenance.resolve_table(text);
DROP FUNCTION maintenance.partitions_of(regclass);

COMMIT;
