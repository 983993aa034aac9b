-- Revert marketdb:maintenance/set_archive_export from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.set_archive_export(text, boolean);

COMMIT;
