-- Verify marketdb:maintenance/run_policies on pg

BEGIN;

SELECT 1 / (pg_get_functiondef('maintenance.run_policies(text[], text, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%WHEN lock_not_available THEN%maintenance.bound_session()%')::integer;

ROLLBACK;
