-- Verify marketdb:equities/claim_assets_for_sync on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('equities.claim_assets_for_sync(interval,integer,interval)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'equities.claim_assets_for_sync(interval,integer,interval)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'equities.claim_assets_for_sync(interval,integer,interval)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
