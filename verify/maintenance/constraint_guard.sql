-- Verify marketdb:maintenance/constraint_guard on pg

BEGIN;

SELECT 'maintenance.assert_checks_addable(text, regclass[])'::regprocedure,
       'maintenance.add_checks(text, regclass, text[], text[])'::regprocedure,
       'maintenance.validate_checks(regclass, text[])'::regprocedure;

ROLLBACK;
