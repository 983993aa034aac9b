-- Verify marketdb:core/extensions on pg

BEGIN;

-- Raises division_by_zero unless TimescaleDB is installed in schema timescaledb.
SELECT 1 / count(*)
  FROM pg_catalog.pg_extension AS e
  JOIN pg_catalog.pg_namespace AS n ON n.oid = e.extnamespace
 WHERE e.extname = 'timescaledb'
   AND n.nspname = 'timescaledb';

SELECT timescaledb.time_bucket('1 hour'::interval, '2026-01-01 10:30+00'::timestamptz);

ROLLBACK;
