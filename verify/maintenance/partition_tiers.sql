-- Verify marketdb:maintenance/partition_tiers on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

SELECT 1 / (to_regprocedure('maintenance.partition_tiers(timestamp with time zone)') IS NOT NULL)::integer;
SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.partition_tiers(timestamp with time zone)', 'EXECUTE')::integer;
SELECT 1 / has_function_privilege('marketdb_reader', 'maintenance.partition_tiers(timestamp with time zone)', 'EXECUTE')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = 'maintenance.partition_tiers(timestamp with time zone)'::regprocedure)) AS a WHERE a.grantee = 0))::integer;

ROLLBACK;
