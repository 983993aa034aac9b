-- Deploy marketdb:macro/row_rules to pg
-- requires: macro/seed_names
-- requires: macro/macro_series
-- requires: macro/curves
-- requires: macro/flow_data
-- requires: macro/fiscal_data
-- requires: macro/vol_surfaces
-- requires: macro/signals
-- requires: maintenance/constraint_guard
-- non-transactional: the rules are added in one transaction (brief locks, no scan: NOT
-- VALID), then validated table by table, each in a transaction of its own, while writers
-- go on (VALIDATE takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its
-- validation naming the constraint and is left as it was; the rule stays NOT VALID,
-- checking new rows, until the row is fixed and the deploy is run again (it re-adds the
-- rules and validates them). maintenance.add_checks says how hypertables differ.

-- Every bad row a writer can send to macro is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 1800-01-01: macro history reaches back centuries (rates, prices), and no further,
--              to 2100-01-01: 'infinity' and typos of the year are refused.
-- On a hypertable, '-infinity' never reaches a constraint: TimescaleDB refuses it
-- first (22008, timestamp out of range) while routing the row to a chunk.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.add_checks('macro/row_rules', 'macro.instruments', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'instruments_ticker_length', $$length(ticker) <= 64$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.data_sources', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'data_sources_name_not_blank',  $$btrim(name) <> ''$$),
    ( 2, 'data_sources_name_length',     $$length(name) <= 128$$),
    ( 3, 'data_sources_base_url_length', $$length(base_url) <= 2048$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.series_metadata', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'series_metadata_series_code_not_blank', $$btrim(series_code) <> ''$$),
    ( 2, 'series_metadata_series_code_length',    $$length(series_code) <= 128$$),
    ( 3, 'series_metadata_unit_not_blank',        $$btrim(unit) <> ''$$),
    ( 4, 'series_metadata_unit_length',           $$length(unit) <= 128$$),
    ( 5, 'series_metadata_description_length',    $$length(description) <= 10000$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.market_data', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'market_data_timestamp_plausible', $$"timestamp" >= '1800-01-01 00:00+00' AND "timestamp" < '2100-01-01 00:00+00'$$),
    ( 2, 'market_data_open_finite',         $$open > '-Infinity' AND open < 'Infinity'$$),
    ( 3, 'market_data_high_finite',         $$high > '-Infinity' AND high < 'Infinity'$$),
    ( 4, 'market_data_low_finite',          $$low > '-Infinity' AND low < 'Infinity'$$),
    ( 5, 'market_data_close_finite',        $$close > '-Infinity' AND close < 'Infinity'$$),
    ( 6, 'market_data_volume_finite',       $$volume > '-Infinity' AND volume < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.macro_series', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'macro_series_observation_date_plausible', $$observation_date >= '1800-01-01' AND observation_date < '2100-01-01'$$),
    ( 2, 'macro_series_release_time_plausible',     $$release_time >= '1800-01-01 00:00+00' AND release_time < '2100-01-01 00:00+00'$$),
    ( 3, 'macro_series_value_finite',               $$value > '-Infinity' AND value < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.curves', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'curves_curve_id_not_blank',   $$btrim(curve_id) <> ''$$),
    ( 2, 'curves_curve_id_length',      $$length(curve_id) <= 128$$),
    ( 3, 'curves_tenor_length',         $$length(tenor) <= 8$$),
    ( 4, 'curves_curve_date_plausible', $$curve_date >= '1800-01-01' AND curve_date < '2100-01-01'$$),
    ( 5, 'curves_rate_finite',          $$rate > '-Infinity' AND rate < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.flow_data', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'flow_data_observation_date_plausible', $$observation_date >= '1800-01-01' AND observation_date < '2100-01-01'$$),
    ( 2, 'flow_data_value_finite',               $$value > '-Infinity' AND value < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.fiscal_data', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'fiscal_data_observation_date_plausible', $$observation_date >= '1800-01-01' AND observation_date < '2100-01-01'$$),
    ( 2, 'fiscal_data_value_finite',               $$value > '-Infinity' AND value < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.vol_surfaces', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'vol_surfaces_tenor_length',           $$length(tenor) <= 8$$),
    ( 2, 'vol_surfaces_surface_date_plausible', $$surface_date >= '1800-01-01' AND surface_date < '2100-01-01'$$),
    ( 3, 'vol_surfaces_strike_finite',          $$strike > '-Infinity' AND strike < 'Infinity'$$),
    ( 4, 'vol_surfaces_implied_vol_finite',     $$implied_vol > '-Infinity' AND implied_vol < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('macro/row_rules', 'macro.signals', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'signals_signal_name_length',    $$length(signal_name) <= 128$$),
    ( 2, 'signals_signal_date_plausible', $$signal_date >= '1800-01-01' AND signal_date < '2100-01-01'$$),
    ( 3, 'signals_value_finite',          $$value > '-Infinity' AND value < 'Infinity'$$)
  ) AS rule (n, name, expression);

COMMIT;

-- One transaction per table, on purpose (see the header).
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('macro.instruments', ARRAY[
    'instruments_ticker_length']);
SELECT maintenance.validate_checks('macro.data_sources', ARRAY[
    'data_sources_name_not_blank',
    'data_sources_name_length',
    'data_sources_base_url_length']);
SELECT maintenance.validate_checks('macro.series_metadata', ARRAY[
    'series_metadata_series_code_not_blank',
    'series_metadata_series_code_length',
    'series_metadata_unit_not_blank',
    'series_metadata_unit_length',
    'series_metadata_description_length']);
SELECT maintenance.validate_checks('macro.market_data', ARRAY[
    'market_data_timestamp_plausible',
    'market_data_open_finite',
    'market_data_high_finite',
    'market_data_low_finite',
    'market_data_close_finite',
    'market_data_volume_finite']);
SELECT maintenance.validate_checks('macro.macro_series', ARRAY[
    'macro_series_observation_date_plausible',
    'macro_series_release_time_plausible',
    'macro_series_value_finite']);
SELECT maintenance.validate_checks('macro.curves', ARRAY[
    'curves_curve_id_not_blank',
    'curves_curve_id_length',
    'curves_tenor_length',
    'curves_curve_date_plausible',
    'curves_rate_finite']);
SELECT maintenance.validate_checks('macro.flow_data', ARRAY[
    'flow_data_observation_date_plausible',
    'flow_data_value_finite']);
SELECT maintenance.validate_checks('macro.fiscal_data', ARRAY[
    'fiscal_data_observation_date_plausible',
    'fiscal_data_value_finite']);
SELECT maintenance.validate_checks('macro.vol_surfaces', ARRAY[
    'vol_surfaces_tenor_length',
    'vol_surfaces_surface_date_plausible',
    'vol_surfaces_strike_finite',
    'vol_surfaces_implied_vol_finite']);
SELECT maintenance.validate_checks('macro.signals', ARRAY[
    'signals_signal_name_length',
    'signals_signal_date_plausible',
    'signals_value_finite']);
RESET ROLE;
RESET lock_timeout;
