-- Deploy marketdb:crypto/row_rules to pg
-- requires: crypto/seed_names
-- requires: maintenance/constraint_guard
-- non-transactional: the rules are added in one transaction (brief locks, no scan: NOT
-- VALID), then validated table by table, each in a transaction of its own, while writers
-- go on (VALIDATE takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its
-- validation naming the constraint and is left as it was; the rule stays NOT VALID,
-- checking new rows, until the row is fixed and the deploy is run again (it re-adds the
-- rules and validates them). maintenance.add_checks says how hypertables differ.

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

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.add_checks('crypto/row_rules', 'crypto.candles_1m', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'candles_1m_symbol_not_blank',              $$btrim(symbol) <> ''$$),
    ( 2, 'candles_1m_symbol_length',                 $$length(symbol) <= 64$$),
    ( 3, 'candles_1m_bucket_start_plausible',        $$bucket_start >= '2009-01-01 00:00+00' AND bucket_start < '2100-01-01 00:00+00'$$),
    ( 4, 'candles_1m_open_finite',                   $$open > '-Infinity' AND open < 'Infinity'$$),
    ( 5, 'candles_1m_high_finite',                   $$high > '-Infinity' AND high < 'Infinity'$$),
    ( 6, 'candles_1m_low_finite',                    $$low > '-Infinity' AND low < 'Infinity'$$),
    ( 7, 'candles_1m_close_finite',                  $$close > '-Infinity' AND close < 'Infinity'$$),
    ( 8, 'candles_1m_volume_finite',                 $$volume > '-Infinity' AND volume < 'Infinity'$$),
    ( 9, 'candles_1m_quote_volume_finite',           $$quote_volume > '-Infinity' AND quote_volume < 'Infinity'$$),
    (10, 'candles_1m_taker_buy_volume_finite',       $$taker_buy_volume > '-Infinity' AND taker_buy_volume < 'Infinity'$$),
    (11, 'candles_1m_taker_buy_quote_volume_finite', $$taker_buy_quote_volume > '-Infinity' AND taker_buy_quote_volume < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('crypto/row_rules', 'crypto.trades', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'trades_symbol_not_blank',   $$btrim(symbol) <> ''$$),
    ( 2, 'trades_symbol_length',      $$length(symbol) <= 64$$),
    ( 3, 'trades_trade_id_not_blank', $$btrim(trade_id) <> ''$$),
    ( 4, 'trades_trade_id_length',    $$length(trade_id) <= 128$$),
    ( 5, 'trades_trade_ts_plausible', $$trade_ts >= '2009-01-01 00:00+00' AND trade_ts < '2100-01-01 00:00+00'$$),
    ( 6, 'trades_price_finite',       $$price > '-Infinity' AND price < 'Infinity'$$),
    ( 7, 'trades_quantity_finite',    $$quantity > '-Infinity' AND quantity < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('crypto/row_rules', 'crypto.oi_snapshots', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'oi_snapshots_symbol_not_blank',         $$btrim(symbol) <> ''$$),
    ( 2, 'oi_snapshots_symbol_length',            $$length(symbol) <= 64$$),
    ( 3, 'oi_snapshots_snapshot_ts_plausible',    $$snapshot_ts >= '2009-01-01 00:00+00' AND snapshot_ts < '2100-01-01 00:00+00'$$),
    ( 4, 'oi_snapshots_open_interest_finite',     $$open_interest > '-Infinity' AND open_interest < 'Infinity'$$),
    ( 5, 'oi_snapshots_open_interest_usd_finite', $$open_interest_usd > '-Infinity' AND open_interest_usd < 'Infinity'$$),
    ( 6, 'oi_snapshots_open_interest_bps_finite', $$open_interest_bps > '-Infinity' AND open_interest_bps < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('crypto/row_rules', 'crypto.funding', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'funding_symbol_not_blank',       $$btrim(symbol) <> ''$$),
    ( 2, 'funding_symbol_length',          $$length(symbol) <= 64$$),
    ( 3, 'funding_funding_ts_plausible',   $$funding_ts >= '2009-01-01 00:00+00' AND funding_ts < '2100-01-01 00:00+00'$$),
    ( 4, 'funding_funding_rate_finite',    $$funding_rate > '-Infinity' AND funding_rate < 'Infinity'$$),
    ( 5, 'funding_rate_annualized_finite', $$rate_annualized > '-Infinity' AND rate_annualized < 'Infinity'$$),
    ( 6, 'funding_payment_finite',         $$payment > '-Infinity' AND payment < 'Infinity'$$)
  ) AS rule (n, name, expression);

COMMIT;

-- One transaction per table, on purpose (see the header).
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('crypto.candles_1m', ARRAY[
    'candles_1m_symbol_not_blank',
    'candles_1m_symbol_length',
    'candles_1m_bucket_start_plausible',
    'candles_1m_open_finite',
    'candles_1m_high_finite',
    'candles_1m_low_finite',
    'candles_1m_close_finite',
    'candles_1m_volume_finite',
    'candles_1m_quote_volume_finite',
    'candles_1m_taker_buy_volume_finite',
    'candles_1m_taker_buy_quote_volume_finite']);
SELECT maintenance.validate_checks('crypto.trades', ARRAY[
    'trades_symbol_not_blank',
    'trades_symbol_length',
    'trades_trade_id_not_blank',
    'trades_trade_id_length',
    'trades_trade_ts_plausible',
    'trades_price_finite',
    'trades_quantity_finite']);
SELECT maintenance.validate_checks('crypto.oi_snapshots', ARRAY[
    'oi_snapshots_symbol_not_blank',
    'oi_snapshots_symbol_length',
    'oi_snapshots_snapshot_ts_plausible',
    'oi_snapshots_open_interest_finite',
    'oi_snapshots_open_interest_usd_finite',
    'oi_snapshots_open_interest_bps_finite']);
SELECT maintenance.validate_checks('crypto.funding', ARRAY[
    'funding_symbol_not_blank',
    'funding_symbol_length',
    'funding_funding_ts_plausible',
    'funding_funding_rate_finite',
    'funding_rate_annualized_finite',
    'funding_payment_finite']);
RESET ROLE;
RESET lock_timeout;
