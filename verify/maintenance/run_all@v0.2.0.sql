-- Verify marketdb:maintenance/run_all on pg

BEGIN;

SELECT 1 / (pg_get_functiondef('maintenance.run_all()'::regprocedure) LIKE '%maintenance.analyze_for(v_table)%')::integer;

ROLLBACK;
