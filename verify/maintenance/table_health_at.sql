-- Verify marketdb:maintenance/table_health_at on pg

BEGIN;

SELECT parent_table, kind, enabled, last_outcome, seconds_since_success, rows_in_default, rows_out_of_window,
       days_ahead, months_due, last_rescue_seconds, last_merge_seconds, lock_timeouts_24h
  FROM maintenance.table_health
 WHERE false;

SELECT 1 / (has_function_privilege('marketdb_reader', 'maintenance.table_health_at(timestamptz)', 'EXECUTE')
            AND has_table_privilege('marketdb_reader', 'maintenance.table_health', 'SELECT')
            AND NOT has_function_privilege('public', 'maintenance.table_health_at(timestamptz)', 'EXECUTE'))::integer;

ROLLBACK;
