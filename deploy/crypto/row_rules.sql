-- Deploy marketdb:crypto/row_rules to pg
-- requires: crypto/seed_names
-- requires: maintenance/constraint_guard
-- non-transactional: the constraints are added NOT VALID in one transaction (brief locks),
-- then validated one by one, each in its own transaction, while writers go on (VALIDATE
-- takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its VALIDATE naming
-- the constraint and is left as it was; the constraint stays NOT VALID, checking new rows,
-- and a deploy run again after the row is fixed re-adds and validates it.

-- Every bad row a writer can send to crypto is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 2009-01-01: before the first block of Bitcoin,
--              to 2100-01-01: 'infinity' and typos of the year are refused.
-- On a hypertable, '-infinity' never reaches a constraint: TimescaleDB refuses it
-- first (22008, timestamp out of range) while routing the row to a chunk.

-- DROP CONSTRAINT IF EXISTS removes only this change's own constraint, left NOT VALID
-- by an earlier run whose validation failed: the deploy can be run again.
-- squawk-ignore-file ban-drop-constraint

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.candles_1m', 'crypto.trades', 'crypto.oi_snapshots', 'crypto.funding']::regclass[]);

ALTER TABLE crypto.candles_1m
    DROP CONSTRAINT IF EXISTS candles_1m_symbol_not_blank,
    ADD CONSTRAINT candles_1m_symbol_not_blank CHECK (btrim(symbol) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_symbol_length,
    ADD CONSTRAINT candles_1m_symbol_length CHECK (length(symbol) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_bucket_start_plausible,
    ADD CONSTRAINT candles_1m_bucket_start_plausible CHECK (bucket_start >= '2009-01-01 00:00+00' AND bucket_start < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_open_finite,
    ADD CONSTRAINT candles_1m_open_finite CHECK (open > '-Infinity' AND open < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_high_finite,
    ADD CONSTRAINT candles_1m_high_finite CHECK (high > '-Infinity' AND high < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_low_finite,
    ADD CONSTRAINT candles_1m_low_finite CHECK (low > '-Infinity' AND low < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_close_finite,
    ADD CONSTRAINT candles_1m_close_finite CHECK (close > '-Infinity' AND close < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_volume_finite,
    ADD CONSTRAINT candles_1m_volume_finite CHECK (volume > '-Infinity' AND volume < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_quote_volume_finite,
    ADD CONSTRAINT candles_1m_quote_volume_finite CHECK (quote_volume > '-Infinity' AND quote_volume < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_taker_buy_volume_finite,
    ADD CONSTRAINT candles_1m_taker_buy_volume_finite CHECK (taker_buy_volume > '-Infinity' AND taker_buy_volume < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS candles_1m_taker_buy_quote_volume_finite,
    ADD CONSTRAINT candles_1m_taker_buy_quote_volume_finite CHECK (taker_buy_quote_volume > '-Infinity' AND taker_buy_quote_volume < 'Infinity') NOT VALID;
ALTER TABLE crypto.trades
    DROP CONSTRAINT IF EXISTS trades_symbol_not_blank,
    ADD CONSTRAINT trades_symbol_not_blank CHECK (btrim(symbol) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_symbol_length,
    ADD CONSTRAINT trades_symbol_length CHECK (length(symbol) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_trade_id_not_blank,
    ADD CONSTRAINT trades_trade_id_not_blank CHECK (btrim(trade_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_trade_id_length,
    ADD CONSTRAINT trades_trade_id_length CHECK (length(trade_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_trade_ts_plausible,
    ADD CONSTRAINT trades_trade_ts_plausible CHECK (trade_ts >= '2009-01-01 00:00+00' AND trade_ts < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_price_finite,
    ADD CONSTRAINT trades_price_finite CHECK (price > '-Infinity' AND price < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_quantity_finite,
    ADD CONSTRAINT trades_quantity_finite CHECK (quantity > '-Infinity' AND quantity < 'Infinity') NOT VALID;
ALTER TABLE crypto.oi_snapshots
    DROP CONSTRAINT IF EXISTS oi_snapshots_symbol_not_blank,
    ADD CONSTRAINT oi_snapshots_symbol_not_blank CHECK (btrim(symbol) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS oi_snapshots_symbol_length,
    ADD CONSTRAINT oi_snapshots_symbol_length CHECK (length(symbol) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS oi_snapshots_snapshot_ts_plausible,
    ADD CONSTRAINT oi_snapshots_snapshot_ts_plausible CHECK (snapshot_ts >= '2009-01-01 00:00+00' AND snapshot_ts < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS oi_snapshots_open_interest_finite,
    ADD CONSTRAINT oi_snapshots_open_interest_finite CHECK (open_interest > '-Infinity' AND open_interest < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS oi_snapshots_open_interest_usd_finite,
    ADD CONSTRAINT oi_snapshots_open_interest_usd_finite CHECK (open_interest_usd > '-Infinity' AND open_interest_usd < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS oi_snapshots_open_interest_bps_finite,
    ADD CONSTRAINT oi_snapshots_open_interest_bps_finite CHECK (open_interest_bps > '-Infinity' AND open_interest_bps < 'Infinity') NOT VALID;
ALTER TABLE crypto.funding
    DROP CONSTRAINT IF EXISTS funding_symbol_not_blank,
    ADD CONSTRAINT funding_symbol_not_blank CHECK (btrim(symbol) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS funding_symbol_length,
    ADD CONSTRAINT funding_symbol_length CHECK (length(symbol) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS funding_funding_ts_plausible,
    ADD CONSTRAINT funding_funding_ts_plausible CHECK (funding_ts >= '2009-01-01 00:00+00' AND funding_ts < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS funding_funding_rate_finite,
    ADD CONSTRAINT funding_funding_rate_finite CHECK (funding_rate > '-Infinity' AND funding_rate < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS funding_rate_annualized_finite,
    ADD CONSTRAINT funding_rate_annualized_finite CHECK (rate_annualized > '-Infinity' AND rate_annualized < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS funding_payment_finite,
    ADD CONSTRAINT funding_payment_finite CHECK (payment > '-Infinity' AND payment < 'Infinity') NOT VALID;

COMMIT;

-- Each VALIDATE commits on its own, on purpose (see the header).
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_symbol_not_blank;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_symbol_length;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_bucket_start_plausible;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_open_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_high_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_low_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_close_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_volume_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_quote_volume_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_taker_buy_volume_finite;
ALTER TABLE crypto.candles_1m VALIDATE CONSTRAINT candles_1m_taker_buy_quote_volume_finite;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_symbol_not_blank;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_symbol_length;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_trade_id_not_blank;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_trade_id_length;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_trade_ts_plausible;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_price_finite;
ALTER TABLE crypto.trades VALIDATE CONSTRAINT trades_quantity_finite;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_symbol_not_blank;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_symbol_length;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_snapshot_ts_plausible;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_open_interest_finite;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_open_interest_usd_finite;
ALTER TABLE crypto.oi_snapshots VALIDATE CONSTRAINT oi_snapshots_open_interest_bps_finite;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_symbol_not_blank;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_symbol_length;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_funding_ts_plausible;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_funding_rate_finite;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_rate_annualized_finite;
ALTER TABLE crypto.funding VALIDATE CONSTRAINT funding_payment_finite;
RESET ROLE;
RESET lock_timeout;
