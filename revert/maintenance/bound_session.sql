-- Revert marketdb:maintenance/bound_session from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.bound_session();

COMMIT;
