-- Verify marketdb:macro/flow_data on pg

BEGIN;

SELECT id, series_id, observation_date, value, created_at FROM macro.flow_data WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'flow_data';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.flow_data';

ROLLBACK;
