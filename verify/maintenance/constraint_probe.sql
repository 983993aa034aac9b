-- Verify marketdb:maintenance/constraint_probe on pg

BEGIN;

SELECT has_function_privilege('maintenance.can_add_checks(regclass)', 'execute');
-- The guard asks the server instead of comparing versions.
SELECT 1 / (pg_get_functiondef('maintenance.assert_checks_addable(text, regclass[])'::regprocedure)
            LIKE '%maintenance.can_add_checks(%')::integer;

ROLLBACK;
