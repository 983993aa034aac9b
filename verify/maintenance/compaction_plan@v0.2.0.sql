-- Verify marketdb:maintenance/compaction_plan on pg

BEGIN;

-- A waiting row defers its own month only.
SELECT 1 / (pg_get_functiondef('maintenance.compaction_plan(maintenance.policy, timestamptz)'::regprocedure)
            LIKE '%v_month.month = ANY (v_waiting)%')::integer;

ROLLBACK;
