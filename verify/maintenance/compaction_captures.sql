-- Verify marketdb:maintenance/compaction_captures on pg

BEGIN;

-- set_captures goes on past the first partition, never waiting for the others.
SELECT 1 / (pg_get_functiondef('maintenance.set_captures(regclass, date, boolean)'::regprocedure) LIKE '%NOWAIT%')::integer;

ROLLBACK;
