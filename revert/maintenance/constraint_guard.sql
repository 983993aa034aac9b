-- Revert marketdb:maintenance/constraint_guard from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.validate_checks(regclass, text[]);
DROP FUNCTION maintenance.add_checks(text, regclass, text[], text[]);
DROP FUNCTION maintenance.assert_checks_addable(text, regclass[]);

COMMIT;
