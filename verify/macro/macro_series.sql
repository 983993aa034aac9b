-- Verify marketdb:macro/macro_series on pg

BEGIN;

SELECT id, series_id, observation_date, value, release_time, created_at FROM macro.macro_series WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'macro_series';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.macro_series';

ROLLBACK;
