-- Verify marketdb:maintenance/apply_captured on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.apply_captured(regclass,regclass,name,date,date[],pg_snapshot,pg_snapshot)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.apply_captured(regclass,regclass,name,date,date[],pg_snapshot,pg_snapshot)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
