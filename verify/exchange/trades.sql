-- Verify marketdb:exchange/trades on pg

BEGIN;

SELECT trade_id, ticker, ts, yes_price, no_price, count, taker_side, created_at
  FROM exchange.trades
 WHERE false;

SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'exchange.trades';
SELECT 1 / count(*) FROM maintenance.partitions_of('exchange.trades') WHERE is_default;
SELECT 1 / count(*) FROM pg_catalog.pg_constraint WHERE conname = 'trades_prices_sum_to_100';

ROLLBACK;
