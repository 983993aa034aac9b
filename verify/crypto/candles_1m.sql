-- Verify marketdb:crypto/candles_1m on pg

BEGIN;

SELECT symbol, ts, open, high, low, close, volume, quote_volume, trade_count, taker_buy_volume, taker_buy_quote_volume, created_at FROM crypto.candles_1m WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'candles_1m';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.candles_1m';

ROLLBACK;
