-- Verify marketdb:macro/series_as_of on pg

BEGIN;

SELECT 1 / has_function_privilege('marketdb_reader', 'macro.series_as_of(bigint, timestamptz, date, date)', 'EXECUTE')::integer;

ROLLBACK;
