-- Verify marketdb:equities/market_data on pg

BEGIN;

SELECT ts, symbol, open, high, low, close, adjusted_close, volume, created_at FROM equities.market_data WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'equities' AND hypertable_name = 'market_data';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'equities.market_data';

ROLLBACK;
