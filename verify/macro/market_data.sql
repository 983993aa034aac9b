-- Verify marketdb:macro/market_data on pg

BEGIN;

SELECT id, instrument_id, ts, open, high, low, close, volume, created_at FROM macro.market_data WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'market_data';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.market_data';

ROLLBACK;
