-- Verify marketdb:maintenance/refuse_past_horizon on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.refuse_past_horizon()') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.refuse_past_horizon()'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
