-- Verify marketdb:equities/sync on pg

BEGIN;

SELECT 1 / has_function_privilege('marketdb_writer', 'equities.claim_assets_for_sync(interval, integer, interval)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'equities.record_sync(text, timestamptz)', 'EXECUTE')::integer;

ROLLBACK;
