-- Revert marketdb:crypto/seed_names from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE crypto.oi_snapshots DROP COLUMN open_interest_bps;

ALTER TABLE crypto.candles_1m RENAME CONSTRAINT candles_1m_bucket_start_on_the_minute TO candles_1m_ts_on_the_minute;
ALTER INDEX crypto.funding_funding_ts_idx RENAME TO funding_ts_idx;
ALTER INDEX crypto.oi_snapshots_snapshot_ts_idx RENAME TO oi_snapshots_ts_idx;
ALTER INDEX crypto.trades_trade_ts_idx RENAME TO trades_ts_idx;
ALTER INDEX crypto.candles_1m_bucket_start_idx RENAME TO candles_1m_ts_idx;

ALTER TABLE crypto.funding RENAME COLUMN funding_rate TO rate;
ALTER TABLE crypto.funding RENAME COLUMN funding_ts TO ts;
ALTER TABLE crypto.oi_snapshots RENAME COLUMN snapshot_ts TO ts;
ALTER TABLE crypto.trades RENAME COLUMN is_buyer_maker TO buyer_is_maker;
ALTER TABLE crypto.trades RENAME COLUMN trade_ts TO ts;
ALTER TABLE crypto.candles_1m RENAME COLUMN bucket_start TO ts;

COMMIT;
