-- Verify marketdb:onchain/book_not_crossed on pg

BEGIN;

SELECT 1 / count(*)::integer FROM pg_constraint
 WHERE conrelid = 'onchain.orderbook_snapshots'::regclass AND conname = 'orderbook_snapshots_bid_not_above_ask' AND convalidated;
SELECT 1 / (NOT onchain.bid_not_above_ask('[[0.7, 1]]', '[[0.6, 1]]') AND onchain.bid_not_above_ask('[[0.6, 1]]', '[[0.6, 1]]'))::integer;

ROLLBACK;
