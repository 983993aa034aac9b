-- Verify marketdb:macro/signals on pg

BEGIN;

SELECT id, signal_name, signal_date, instrument_id, series_id, value, created_at FROM macro.signals WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'signals';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.signals';

ROLLBACK;
