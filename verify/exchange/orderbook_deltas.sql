-- Verify marketdb:exchange/orderbook_deltas on pg

BEGIN;

SELECT ticker, ts, seq, side, price, delta, created_at
  FROM exchange.orderbook_deltas
 WHERE false;

SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'exchange.orderbook_deltas';
SELECT 1 / count(*) FROM maintenance.partitions_of('exchange.orderbook_deltas') WHERE is_default;

ROLLBACK;
