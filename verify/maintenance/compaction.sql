-- Verify marketdb:maintenance/compaction on pg

BEGIN;

SELECT compact_after FROM maintenance.policy WHERE false;
SELECT 'maintenance.compact_for(text, timestamptz, boolean)'::regprocedure,
       'maintenance.run_compaction(text, timestamptz, boolean)'::regprocedure,
       'maintenance.partition_tiers(timestamptz)'::regprocedure;
-- run_all merges months.
SELECT 1 / (pg_get_functiondef('maintenance.run_all()'::regprocedure) LIKE '%compact_for%')::integer;

ROLLBACK;
