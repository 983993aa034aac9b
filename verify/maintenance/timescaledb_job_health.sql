-- Verify marketdb:maintenance/timescaledb_job_health on pg

BEGIN;

SELECT job_id, proc_name, target, scheduled, last_run_status, consecutive_failures, total_failures
  FROM maintenance.job_health
 WHERE false;

SELECT 1 / (has_function_privilege('marketdb_reader', 'maintenance.timescaledb_job_health()', 'EXECUTE')
            AND has_table_privilege('marketdb_reader', 'maintenance.job_health', 'SELECT')
            AND NOT has_function_privilege('public', 'maintenance.timescaledb_job_health()', 'EXECUTE'))::integer;

ROLLBACK;
