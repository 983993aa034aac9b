-- Verify marketdb:maintenance/compaction_swap on pg

BEGIN;

-- The swap drops the days in one statement, after one query for pending changes.
SELECT 1 / (pg_get_functiondef('maintenance.compact_month(maintenance.policy, date, text)'::regprocedure) LIKE '%v_pending%')::integer;

ROLLBACK;
