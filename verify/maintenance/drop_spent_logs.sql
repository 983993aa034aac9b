-- Verify marketdb:maintenance/drop_spent_logs on pg

BEGIN;

SELECT 1 / (has_function_privilege('marketdb_owner', 'maintenance.drop_spent_logs()', 'EXECUTE')
            AND NOT has_function_privilege('marketdb_maintainer', 'maintenance.drop_spent_logs()', 'EXECUTE'))::integer;

ROLLBACK;
