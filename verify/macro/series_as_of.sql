-- Verify marketdb:macro/series_as_of on pg

BEGIN;

SELECT 1 / has_function_privilege('marketdb_reader', 'macro.series_as_of(bigint, timestamptz, date, date)', 'EXECUTE')::integer;

-- The reworked body reads newest first.
SELECT 1 / (prosrc LIKE '%ORDER BY m.observation_date DESC, m.release_time DESC%')::integer
  FROM pg_proc WHERE oid = 'macro.series_as_of(bigint, timestamptz, date, date)'::regprocedure;

ROLLBACK;
