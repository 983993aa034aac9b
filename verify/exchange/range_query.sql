-- Verify marketdb:exchange/range_query on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('exchange.range_query(regclass,timestamp with time zone,timestamp with time zone,text)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_reader', 'exchange.range_query(regclass,timestamp with time zone,timestamp with time zone,text)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_writer', 'exchange.range_query(regclass,timestamp with time zone,timestamp with time zone,text)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'exchange.range_query(regclass,timestamp with time zone,timestamp with time zone,text)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
