-- Verify marketdb:maintenance/registry on pg

BEGIN;

SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action, enabled, created_at, updated_at
  FROM maintenance.policy
 WHERE false;

SELECT run_id, started_at, finished_at, reference_time, parent_table, dry_run, run_by, status, actions, error
  FROM maintenance.run_log
 WHERE false;

SELECT (NULL::maintenance.action).rows_moved;

ROLLBACK;
