-- Verify marketdb:maintenance/run_compaction on pg

BEGIN;

SELECT 1 / (pg_get_functiondef('maintenance.run_compaction(text, timestamptz, boolean)'::regprocedure)
            LIKE '%maintenance.bound_session()%')::integer;

ROLLBACK;
