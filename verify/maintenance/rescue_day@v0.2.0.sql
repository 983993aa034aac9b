-- Verify marketdb:maintenance/rescue_day on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.rescue_day(regclass,text,date)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.rescue_day(regclass,text,date)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
