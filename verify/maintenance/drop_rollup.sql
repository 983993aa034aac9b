-- Verify marketdb:maintenance/drop_rollup on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.drop_rollup(text)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.drop_rollup(text)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
