-- Verify marketdb:equities/sync on pg

BEGIN;

SELECT 1 / has_function_privilege('marketdb_writer', 'equities.claim_assets_for_sync(interval, integer, interval)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'equities.record_sync(text, timestamptz)', 'EXECUTE')::integer;

-- The reworked bounds.
SELECT 1 / (prosrc LIKE '%p_lease > interval ''1 day''%')::integer
  FROM pg_proc WHERE oid = 'equities.claim_assets_for_sync(interval, integer, interval)'::regprocedure;
SELECT 1 / (prosrc LIKE '%now() - interval ''1 day''%')::integer
  FROM pg_proc WHERE oid = 'equities.record_sync(text, timestamptz)'::regprocedure;

ROLLBACK;
