-- Revert marketdb:maintenance/policy_export_archives from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE maintenance.policy DROP COLUMN export_archives;

COMMIT;
