-- Revert marketdb:maintenance/attach_new_day from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.attach_new_day(regclass, text, date);

COMMIT;
