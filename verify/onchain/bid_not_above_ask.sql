-- Verify marketdb:onchain/bid_not_above_ask on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('onchain.bid_not_above_ask(jsonb,jsonb)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'onchain.bid_not_above_ask(jsonb,jsonb)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'onchain.bid_not_above_ask(jsonb,jsonb)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
