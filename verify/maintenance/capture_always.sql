-- Verify marketdb:maintenance/capture_always on pg

BEGIN;

-- Captures fire for a subscription's apply worker too.
SELECT 1 / (pg_get_functiondef('maintenance.set_capture(regclass, boolean)'::regprocedure) LIKE '%ENABLE ALWAYS TRIGGER%')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture' AND tgenabled <> 'A'))::integer;

ROLLBACK;
