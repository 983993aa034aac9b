-- Deploy marketdb:onchain/seed_names to pg
-- requires: onchain/trades
-- requires: onchain/markets

-- Renaming is this change's purpose: the seed's tests look the index up by its name.
-- squawk-ignore-file renaming-object

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The on-chain collector's schema tests look the trades' unique index up by the name its
-- design document gives it.
ALTER INDEX onchain.trades_trade_id_ts_key RENAME TO idx_trades_trade_id;

-- Its "partial index on active markets": the predicate is `active` alone, so a query
-- filtering on active (with or without NOT closed) can use it; v0.1.0's index required
-- NOT closed in the query too. markets is a small metadata table: building it in the
-- deploy's transaction blocks writers of markets for milliseconds.
-- squawk-ignore-file require-concurrent-index-creation
-- squawk-ignore-file require-concurrent-index-deletion
CREATE INDEX markets_active_end_date_idx_new ON onchain.markets (end_date) WHERE active;
DROP INDEX onchain.markets_active_end_date_idx;
ALTER INDEX onchain.markets_active_end_date_idx_new RENAME TO markets_active_end_date_idx;

COMMIT;
