-- Verify marketdb:macro/fiscal_data on pg

BEGIN;

SELECT id, series_id, observation_date, value, created_at FROM macro.fiscal_data WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'fiscal_data';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.fiscal_data';

ROLLBACK;
