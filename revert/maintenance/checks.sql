-- Revert marketdb:maintenance/checks from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.require_table(text, text);
DROP FUNCTION maintenance.require_finite_time(text, timestamptz);
DROP FUNCTION maintenance.insertable_columns(regclass);
DROP FUNCTION maintenance.require_reference_time(text, timestamptz, boolean);
DROP FUNCTION maintenance.require_premake(text, integer);
DROP FUNCTION maintenance.require_retention(text, interval);
DROP FUNCTION maintenance.require_owned(text, text);
DROP FUNCTION maintenance.partition_key(regclass);

COMMIT;
