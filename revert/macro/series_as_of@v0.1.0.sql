-- Revert marketdb:macro/series_as_of from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION macro.series_as_of(bigint, timestamptz, date, date);

COMMIT;
