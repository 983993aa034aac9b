-- Verify marketdb:maintenance/analyze_for on pg

BEGIN;

SELECT 1 / has_function_privilege('marketdb_maintainer', 'maintenance.analyze_for(text)', 'EXECUTE')::integer;

ROLLBACK;
