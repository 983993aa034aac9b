-- Verify marketdb:maintenance/status on pg

BEGIN;

SELECT parent_table, rows_in_default, oldest_in_default, newest_in_default, last_outcome, last_success_at, overdue
  FROM maintenance.partition_status() WHERE false;
SELECT 1 / has_function_privilege('marketdb_reader', 'maintenance.partition_status(timestamptz)', 'EXECUTE')::integer;

ROLLBACK;
