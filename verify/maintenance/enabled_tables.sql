-- Verify marketdb:maintenance/enabled_tables on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.enabled_tables()') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.enabled_tables()', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.enabled_tables()'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
