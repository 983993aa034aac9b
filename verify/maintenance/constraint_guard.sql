-- Verify marketdb:maintenance/constraint_guard on pg

BEGIN;

SELECT 'maintenance.assert_checks_addable(text, regclass[])'::regprocedure;

ROLLBACK;
