-- Deploy marketdb:exchange/row_rules to pg
-- requires: exchange/series
-- requires: exchange/events
-- requires: exchange/markets
-- requires: exchange/trades
-- requires: exchange/orderbook_deltas
-- requires: exchange/market_snapshots
-- requires: exchange/settlements
-- requires: maintenance/constraint_guard
-- non-transactional: the rules are added in one transaction (brief locks, no scan: NOT
-- VALID), then validated table by table, each in a transaction of its own, while writers
-- go on (VALIDATE takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its
-- validation naming the constraint and is left as it was; the rule stays NOT VALID,
-- checking new rows, until the row is fixed and the deploy is run again (it re-adds the
-- rules and validates them). maintenance.add_checks says how hypertables differ.

-- Every bad row a writer can send to exchange is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 2018-01-01: before any data the exchange has, as its partition keys (exchange/time_window),
--              to 2100-01-01: 'infinity' and typos of the year are refused.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.series', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'series_series_ticker_length', $$length(series_ticker) <= 64$$),
    ( 2, 'series_title_length',         $$length(title) <= 1000$$),
    ( 3, 'series_category_not_blank',   $$btrim(category) <> ''$$),
    ( 4, 'series_category_length',      $$length(category) <= 64$$),
    ( 5, 'series_frequency_not_blank',  $$btrim(frequency) <> ''$$),
    ( 6, 'series_frequency_length',     $$length(frequency) <= 64$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.events', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'events_event_ticker_length',     $$length(event_ticker) <= 64$$),
    ( 2, 'events_series_ticker_not_blank', $$btrim(series_ticker) <> ''$$),
    ( 3, 'events_series_ticker_length',    $$length(series_ticker) <= 64$$),
    ( 4, 'events_title_not_blank',         $$btrim(title) <> ''$$),
    ( 5, 'events_title_length',            $$length(title) <= 1000$$),
    ( 6, 'events_sub_title_length',        $$length(sub_title) <= 1000$$),
    ( 7, 'events_category_not_blank',      $$btrim(category) <> ''$$),
    ( 8, 'events_category_length',         $$length(category) <= 64$$),
    ( 9, 'events_strike_date_plausible',   $$strike_date >= '2018-01-01 00:00+00' AND strike_date < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.markets', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'markets_ticker_length',             $$length(ticker) <= 64$$),
    ( 2, 'markets_event_ticker_not_blank',    $$btrim(event_ticker) <> ''$$),
    ( 3, 'markets_event_ticker_length',       $$length(event_ticker) <= 64$$),
    ( 4, 'markets_series_ticker_not_blank',   $$btrim(series_ticker) <> ''$$),
    ( 5, 'markets_series_ticker_length',      $$length(series_ticker) <= 64$$),
    ( 6, 'markets_title_not_blank',           $$btrim(title) <> ''$$),
    ( 7, 'markets_title_length',              $$length(title) <= 1000$$),
    ( 8, 'markets_open_time_plausible',       $$open_time >= '2018-01-01 00:00+00' AND open_time < '2100-01-01 00:00+00'$$),
    ( 9, 'markets_close_time_plausible',      $$close_time >= '2018-01-01 00:00+00' AND close_time < '2100-01-01 00:00+00'$$),
    (10, 'markets_expiration_time_plausible', $$expiration_time >= '2018-01-01 00:00+00' AND expiration_time < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.trades', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'trades_trade_id_not_blank', $$btrim(trade_id) <> ''$$),
    ( 2, 'trades_trade_id_length',    $$length(trade_id) <= 128$$),
    ( 3, 'trades_ticker_not_blank',   $$btrim(ticker) <> ''$$),
    ( 4, 'trades_ticker_length',      $$length(ticker) <= 64$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.orderbook_deltas', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'orderbook_deltas_ticker_not_blank', $$btrim(ticker) <> ''$$),
    ( 2, 'orderbook_deltas_ticker_length',    $$length(ticker) <= 64$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.market_snapshots', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'market_snapshots_ticker_not_blank', $$btrim(ticker) <> ''$$),
    ( 2, 'market_snapshots_ticker_length',    $$length(ticker) <= 64$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('exchange/row_rules', 'exchange.settlements', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'settlements_ticker_not_blank',        $$btrim(ticker) <> ''$$),
    ( 2, 'settlements_ticker_length',           $$length(ticker) <= 64$$),
    ( 3, 'settlements_event_ticker_not_blank',  $$btrim(event_ticker) <> ''$$),
    ( 4, 'settlements_event_ticker_length',     $$length(event_ticker) <= 64$$),
    ( 5, 'settlements_series_ticker_not_blank', $$btrim(series_ticker) <> ''$$),
    ( 6, 'settlements_series_ticker_length',    $$length(series_ticker) <= 64$$),
    ( 7, 'settlements_settled_at_plausible',    $$settled_at >= '2018-01-01 00:00+00' AND settled_at < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

COMMIT;

-- One transaction per table, on purpose (see the header).
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('exchange.series', ARRAY[
    'series_series_ticker_length',
    'series_title_length',
    'series_category_not_blank',
    'series_category_length',
    'series_frequency_not_blank',
    'series_frequency_length']);
SELECT maintenance.validate_checks('exchange.events', ARRAY[
    'events_event_ticker_length',
    'events_series_ticker_not_blank',
    'events_series_ticker_length',
    'events_title_not_blank',
    'events_title_length',
    'events_sub_title_length',
    'events_category_not_blank',
    'events_category_length',
    'events_strike_date_plausible']);
SELECT maintenance.validate_checks('exchange.markets', ARRAY[
    'markets_ticker_length',
    'markets_event_ticker_not_blank',
    'markets_event_ticker_length',
    'markets_series_ticker_not_blank',
    'markets_series_ticker_length',
    'markets_title_not_blank',
    'markets_title_length',
    'markets_open_time_plausible',
    'markets_close_time_plausible',
    'markets_expiration_time_plausible']);
SELECT maintenance.validate_checks('exchange.trades', ARRAY[
    'trades_trade_id_not_blank',
    'trades_trade_id_length',
    'trades_ticker_not_blank',
    'trades_ticker_length']);
SELECT maintenance.validate_checks('exchange.orderbook_deltas', ARRAY[
    'orderbook_deltas_ticker_not_blank',
    'orderbook_deltas_ticker_length']);
SELECT maintenance.validate_checks('exchange.market_snapshots', ARRAY[
    'market_snapshots_ticker_not_blank',
    'market_snapshots_ticker_length']);
SELECT maintenance.validate_checks('exchange.settlements', ARRAY[
    'settlements_ticker_not_blank',
    'settlements_ticker_length',
    'settlements_event_ticker_not_blank',
    'settlements_event_ticker_length',
    'settlements_series_ticker_not_blank',
    'settlements_series_ticker_length',
    'settlements_settled_at_plausible']);
RESET ROLE;
RESET lock_timeout;
