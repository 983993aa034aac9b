-- Verify marketdb:maintenance/partition_plan on pg

BEGIN;

-- Gap filling stops a week before the reference day.
SELECT 1 / (pg_get_functiondef('maintenance.partition_plan(maintenance.policy, timestamptz, integer)'::regprocedure)
            LIKE '%c_gap_fill_days%')::integer;

ROLLBACK;
