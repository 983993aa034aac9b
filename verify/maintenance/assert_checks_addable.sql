-- Verify marketdb:maintenance/assert_checks_addable on pg

BEGIN;

-- The guard asks the server instead of comparing versions.
SELECT 1 / (pg_get_functiondef('maintenance.assert_checks_addable(text, regclass[])'::regprocedure)
            LIKE '%maintenance.can_add_checks(%')::integer;

ROLLBACK;
