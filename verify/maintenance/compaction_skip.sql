-- Verify marketdb:maintenance/compaction_skip on pg

BEGIN;

-- compact_for returns at once for a table that does not compact.
SELECT 1 / (pg_get_functiondef('maintenance.compact_for(text, timestamptz, boolean)'::regprocedure) LIKE '%compact_after IS NOT NULL%')::integer;

ROLLBACK;
