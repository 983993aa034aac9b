-- Verify marketdb:maintenance/require_finite_time on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.require_finite_time(text,timestamp with time zone)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.require_finite_time(text,timestamp with time zone)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
