-- Verify marketdb:maintenance/archive_rows on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.archive_rows(maintenance.policy,date,text,bigint)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.archive_rows(maintenance.policy,date,text,bigint)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
