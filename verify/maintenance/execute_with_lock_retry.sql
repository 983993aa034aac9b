-- Verify marketdb:maintenance/execute_with_lock_retry on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.execute_with_lock_retry(text,integer)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.execute_with_lock_retry(text,integer)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
