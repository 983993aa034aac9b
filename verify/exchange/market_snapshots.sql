-- Verify marketdb:exchange/market_snapshots on pg

BEGIN;

SELECT ticker, ts, yes_bid, yes_ask, last_price, volume, open_interest, created_at
  FROM exchange.market_snapshots
 WHERE false;

SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'exchange.market_snapshots';
SELECT 1 / count(*) FROM maintenance.partitions_of('exchange.market_snapshots') WHERE is_default;

ROLLBACK;
