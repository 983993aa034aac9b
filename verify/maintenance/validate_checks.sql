-- Verify marketdb:maintenance/validate_checks on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.validate_checks(regclass,text[])') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.validate_checks(regclass,text[])'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
