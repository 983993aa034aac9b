-- Verify marketdb:exchange/orderbook_deltas_between on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('exchange.orderbook_deltas_between(timestamp with time zone,timestamp with time zone,text)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_reader', 'exchange.orderbook_deltas_between(timestamp with time zone,timestamp with time zone,text)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'exchange.orderbook_deltas_between(timestamp with time zone,timestamp with time zone,text)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'exchange.orderbook_deltas_between(timestamp with time zone,timestamp with time zone,text)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
