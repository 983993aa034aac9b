-- Verify marketdb:maintenance/run_compaction on pg

BEGIN;

-- A real step drops the logs earlier merges left.
SELECT 1 / (pg_get_functiondef('maintenance.run_compaction(text, timestamptz, boolean)'::regprocedure)
            LIKE '%maintenance.drop_spent_logs()%')::integer;

ROLLBACK;
