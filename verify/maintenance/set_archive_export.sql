-- Verify marketdb:maintenance/set_archive_export on pg

BEGIN;

SELECT 1 / (has_function_privilege('marketdb_owner', 'maintenance.set_archive_export(text, boolean)', 'EXECUTE')
            AND NOT has_function_privilege('marketdb_maintainer', 'maintenance.set_archive_export(text, boolean)', 'EXECUTE'))::integer;

ROLLBACK;
