-- Deploy marketdb:onchain/row_rules to pg
-- requires: onchain/markets
-- requires: onchain/resolutions
-- requires: onchain/price_snapshots
-- requires: onchain/orderbook_snapshots
-- requires: onchain/trades
-- requires: maintenance/constraint_guard
-- non-transactional: the rules are added in one transaction (brief locks, no scan: NOT
-- VALID), then validated table by table, each in a transaction of its own, while writers
-- go on (VALIDATE takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its
-- validation naming the constraint and is left as it was; the rule stays NOT VALID,
-- checking new rows, until the row is fixed and the deploy is run again (it re-adds the
-- rules and validates them). maintenance.add_checks says how hypertables differ.

-- Every bad row a writer can send to onchain is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 2020-01-01: before the first on-chain prediction market this data comes from,
--              to 2100-01-01: 'infinity' and typos of the year are refused.
-- On a hypertable, '-infinity' never reaches a constraint: TimescaleDB refuses it
-- first (22008, timestamp out of range) while routing the row to a chunk.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.add_checks('onchain/row_rules', 'onchain.markets', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'markets_token_id_length',        $$length(token_id) <= 128$$),
    ( 2, 'markets_condition_id_not_blank', $$btrim(condition_id) <> ''$$),
    ( 3, 'markets_condition_id_length',    $$length(condition_id) <= 128$$),
    ( 4, 'markets_question_length',        $$length(question) <= 1000$$),
    ( 5, 'markets_outcome_not_blank',      $$btrim(outcome) <> ''$$),
    ( 6, 'markets_outcome_length',         $$length(outcome) <= 1000$$),
    ( 7, 'markets_market_slug_not_blank',  $$btrim(market_slug) <> ''$$),
    ( 8, 'markets_market_slug_length',     $$length(market_slug) <= 1000$$),
    ( 9, 'markets_end_date_plausible',     $$end_date >= '2020-01-01 00:00+00' AND end_date < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('onchain/row_rules', 'onchain.resolutions', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'resolutions_source_not_blank',      $$btrim(source) <> ''$$),
    ( 2, 'resolutions_source_length',         $$length(source) <= 128$$),
    ( 3, 'resolutions_resolved_at_plausible', $$resolved_at >= '2020-01-01 00:00+00' AND resolved_at < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('onchain/row_rules', 'onchain.price_snapshots', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'price_snapshots_token_id_not_blank', $$btrim(token_id) <> ''$$),
    ( 2, 'price_snapshots_token_id_length',    $$length(token_id) <= 128$$),
    ( 3, 'price_snapshots_ts_plausible',       $$ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('onchain/row_rules', 'onchain.orderbook_snapshots', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'orderbook_snapshots_token_id_not_blank', $$btrim(token_id) <> ''$$),
    ( 2, 'orderbook_snapshots_token_id_length',    $$length(token_id) <= 128$$),
    ( 3, 'orderbook_snapshots_ts_plausible',       $$ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('onchain/row_rules', 'onchain.trades', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'trades_trade_id_not_blank', $$btrim(trade_id) <> ''$$),
    ( 2, 'trades_trade_id_length',    $$length(trade_id) <= 128$$),
    ( 3, 'trades_token_id_not_blank', $$btrim(token_id) <> ''$$),
    ( 4, 'trades_token_id_length',    $$length(token_id) <= 128$$),
    ( 5, 'trades_ts_plausible',       $$ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00'$$),
    ( 6, 'trades_size_finite',        $$size > '-Infinity' AND size < 'Infinity'$$)
  ) AS rule (n, name, expression);

COMMIT;

-- One transaction per table, on purpose (see the header).
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('onchain.markets', ARRAY[
    'markets_token_id_length',
    'markets_condition_id_not_blank',
    'markets_condition_id_length',
    'markets_question_length',
    'markets_outcome_not_blank',
    'markets_outcome_length',
    'markets_market_slug_not_blank',
    'markets_market_slug_length',
    'markets_end_date_plausible']);
SELECT maintenance.validate_checks('onchain.resolutions', ARRAY[
    'resolutions_source_not_blank',
    'resolutions_source_length',
    'resolutions_resolved_at_plausible']);
SELECT maintenance.validate_checks('onchain.price_snapshots', ARRAY[
    'price_snapshots_token_id_not_blank',
    'price_snapshots_token_id_length',
    'price_snapshots_ts_plausible']);
SELECT maintenance.validate_checks('onchain.orderbook_snapshots', ARRAY[
    'orderbook_snapshots_token_id_not_blank',
    'orderbook_snapshots_token_id_length',
    'orderbook_snapshots_ts_plausible']);
SELECT maintenance.validate_checks('onchain.trades', ARRAY[
    'trades_trade_id_not_blank',
    'trades_trade_id_length',
    'trades_token_id_not_blank',
    'trades_token_id_length',
    'trades_ts_plausible',
    'trades_size_finite']);
RESET ROLE;
RESET lock_timeout;
