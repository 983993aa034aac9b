-- Verify marketdb:maintenance/compact_month on pg

BEGIN;

-- The month gets the parent's privileges; a race with a late row is deferred.
SELECT 1 / (pg_get_functiondef('maintenance.compact_month(maintenance.policy, date, text)'::regprocedure)
            LIKE '%copy_privileges(v_parent, v_month, false)%WHEN check_violation%')::integer;

ROLLBACK;
