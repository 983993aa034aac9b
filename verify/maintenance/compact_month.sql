-- Verify marketdb:maintenance/compact_month on pg

BEGIN;

-- The swap drops the days, not their logs.
SELECT 1 / (pg_get_functiondef('maintenance.compact_month(maintenance.policy, date, text)'::regprocedure)
            NOT LIKE '%unnest(v_logs) AS l))%')::integer;

ROLLBACK;
