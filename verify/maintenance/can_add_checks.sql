-- Verify marketdb:maintenance/can_add_checks on pg

BEGIN;

SELECT has_function_privilege('maintenance.can_add_checks(regclass)', 'execute');

ROLLBACK;
