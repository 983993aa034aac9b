-- Verify marketdb:maintenance/make_read_only_archive on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.make_read_only_archive(regclass)') IS NOT NULL)::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.make_read_only_archive(regclass)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
