-- Verify marketdb:maintenance/merge_spent_logs on pg

BEGIN;

SELECT 1 / (has_function_privilege('marketdb_owner', 'maintenance.drop_spent_logs()', 'EXECUTE')
            AND NOT has_function_privilege('marketdb_maintainer', 'maintenance.drop_spent_logs()', 'EXECUTE'))::integer;
-- The merge's swap no longer drops the logs; a real step drops those left.
SELECT 1 / (pg_get_functiondef('maintenance.compact_month(maintenance.policy, date, text)'::regprocedure)
            NOT LIKE '%unnest(v_logs) AS l))%')::integer;
SELECT 1 / (pg_get_functiondef('maintenance.run_compaction(text, timestamptz, boolean)'::regprocedure)
            LIKE '%maintenance.drop_spent_logs()%')::integer;

ROLLBACK;
