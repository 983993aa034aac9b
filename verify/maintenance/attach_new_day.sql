-- Verify marketdb:maintenance/attach_new_day on pg

BEGIN;

SELECT 1 / (has_function_privilege('marketdb_owner', 'maintenance.attach_new_day(regclass, text, date)', 'EXECUTE')
            AND NOT has_function_privilege('marketdb_maintainer', 'maintenance.attach_new_day(regclass, text, date)', 'EXECUTE'))::integer;

ROLLBACK;
