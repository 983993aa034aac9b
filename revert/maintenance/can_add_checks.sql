-- Revert marketdb:maintenance/can_add_checks from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.can_add_checks(regclass);

COMMIT;
