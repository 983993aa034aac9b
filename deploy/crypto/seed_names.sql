-- Deploy marketdb:crypto/seed_names to pg
-- requires: crypto/candles_1m
-- requires: crypto/trades
-- requires: crypto/oi_snapshots
-- requires: crypto/funding

-- Renaming is this change's purpose: the seed's code uses the new names.
-- squawk-ignore-file renaming-column
-- squawk-ignore-file renaming-object

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The crypto feeds' code (its db.repository helpers) reads and writes these columns by the
-- names of its design document; v0.1.0 had named them ts, buyer_is_maker and rate. Renames
-- only: no row is rewritten, chunks and compression settings follow the hypertable.
ALTER TABLE crypto.candles_1m RENAME COLUMN ts TO bucket_start;
ALTER TABLE crypto.trades RENAME COLUMN ts TO trade_ts;
ALTER TABLE crypto.trades RENAME COLUMN buyer_is_maker TO is_buyer_maker;
ALTER TABLE crypto.oi_snapshots RENAME COLUMN ts TO snapshot_ts;
ALTER TABLE crypto.funding RENAME COLUMN ts TO funding_ts;
ALTER TABLE crypto.funding RENAME COLUMN rate TO funding_rate;

-- The time indexes and the one constraint that named the old column.
ALTER INDEX crypto.candles_1m_ts_idx RENAME TO candles_1m_bucket_start_idx;
ALTER INDEX crypto.trades_ts_idx RENAME TO trades_trade_ts_idx;
ALTER INDEX crypto.oi_snapshots_ts_idx RENAME TO oi_snapshots_snapshot_ts_idx;
ALTER INDEX crypto.funding_ts_idx RENAME TO funding_funding_ts_idx;
ALTER TABLE crypto.candles_1m RENAME CONSTRAINT candles_1m_ts_on_the_minute TO candles_1m_bucket_start_on_the_minute;

-- The seed's optional basis-points figure of open interest (its document names no column;
-- this is the name marketdb gives it).
ALTER TABLE crypto.oi_snapshots ADD COLUMN open_interest_bps numeric;
COMMENT ON COLUMN crypto.oi_snapshots.open_interest_bps IS
    'Optional: open interest in basis points, as the venue reports it (the seed''s "basis points" figure)';

COMMIT;
