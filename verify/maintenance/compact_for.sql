-- Verify marketdb:maintenance/compact_for on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.compact_for(text,timestamp with time zone,boolean)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.compact_for(text,timestamp with time zone,boolean)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.compact_for(text,timestamp with time zone,boolean)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
