-- Verify marketdb:maintenance/stage_rows on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.stage_rows(regclass,regclass,text,date,date[])') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.stage_rows(regclass,regclass,text,date,date[])'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
