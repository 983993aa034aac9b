-- Verify marketdb:maintenance/maintain_partitioned on pg

BEGIN;

-- A run aligns privileges and guards the default partition.
SELECT 1 / (pg_get_functiondef('maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%maintenance.align_privileges(v_parent)%maintenance.copy_privileges(%maintenance.guard_default(v_parent)%')::integer;

ROLLBACK;
