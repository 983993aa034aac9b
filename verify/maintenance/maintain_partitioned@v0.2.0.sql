-- Verify marketdb:maintenance/maintain_partitioned on pg

BEGIN;

-- A run that makes days only attaches them beside the parent.
SELECT 1 / (pg_get_functiondef('maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%maintenance.attach_new_day(v_parent, v_name, v_step.day)%')::integer;

ROLLBACK;
