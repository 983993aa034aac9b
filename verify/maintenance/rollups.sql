-- Verify marketdb:maintenance/rollups on pg

BEGIN;

SELECT rollup, raw_table, refresh_job, materialized_until FROM maintenance.rollups() WHERE false;
SELECT 1 / has_function_privilege('marketdb_reader', 'maintenance.rollups()', 'execute')::integer;

ROLLBACK;
