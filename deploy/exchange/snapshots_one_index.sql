-- Deploy marketdb:exchange/snapshots_one_index to pg
-- requires: exchange/market_snapshots

-- The unique constraint's index on (ticker, ts) serves every read the (ticker, ts DESC)
-- index did (a B-tree is read backwards as fast as forwards); the second index only doubled
-- the cost of each write. DROP INDEX on the parent drops it on every partition, under a
-- brief ACCESS EXCLUSIVE lock (lock_timeout bounds the wait).
-- squawk-ignore-file require-concurrent-index-deletion

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP INDEX exchange.market_snapshots_ticker_ts_idx;

COMMIT;
