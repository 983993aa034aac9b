-- Deploy marketdb:macro/row_rules to pg
-- requires: macro/seed_names
-- requires: macro/macro_series
-- requires: macro/curves
-- requires: macro/flow_data
-- requires: macro/fiscal_data
-- requires: macro/vol_surfaces
-- requires: macro/signals
-- requires: maintenance/constraint_guard
-- non-transactional: the constraints are added NOT VALID in one transaction (brief locks),
-- then validated one by one, each in its own transaction, while writers go on (VALIDATE
-- takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its VALIDATE naming
-- the constraint and is left as it was; the constraint stays NOT VALID, checking new rows,
-- and a deploy run again after the row is fixed re-adds and validates it.

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

-- DROP CONSTRAINT IF EXISTS removes only this change's own constraint, left NOT VALID
-- by an earlier run whose validation failed: the deploy can be run again.
-- squawk-ignore-file ban-drop-constraint

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.assert_checks_addable('macro/row_rules', ARRAY['macro.market_data', 'macro.macro_series', 'macro.curves', 'macro.flow_data', 'macro.fiscal_data', 'macro.vol_surfaces', 'macro.signals']::regclass[]);

ALTER TABLE macro.instruments
    DROP CONSTRAINT IF EXISTS instruments_ticker_length,
    ADD CONSTRAINT instruments_ticker_length CHECK (length(ticker) <= 64) NOT VALID;
ALTER TABLE macro.data_sources
    DROP CONSTRAINT IF EXISTS data_sources_name_not_blank,
    ADD CONSTRAINT data_sources_name_not_blank CHECK (btrim(name) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS data_sources_name_length,
    ADD CONSTRAINT data_sources_name_length CHECK (length(name) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS data_sources_base_url_length,
    ADD CONSTRAINT data_sources_base_url_length CHECK (length(base_url) <= 2048) NOT VALID;
ALTER TABLE macro.series_metadata
    DROP CONSTRAINT IF EXISTS series_metadata_series_code_not_blank,
    ADD CONSTRAINT series_metadata_series_code_not_blank CHECK (btrim(series_code) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS series_metadata_series_code_length,
    ADD CONSTRAINT series_metadata_series_code_length CHECK (length(series_code) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS series_metadata_unit_not_blank,
    ADD CONSTRAINT series_metadata_unit_not_blank CHECK (btrim(unit) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS series_metadata_unit_length,
    ADD CONSTRAINT series_metadata_unit_length CHECK (length(unit) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS series_metadata_description_length,
    ADD CONSTRAINT series_metadata_description_length CHECK (length(description) <= 10000) NOT VALID;
ALTER TABLE macro.market_data
    DROP CONSTRAINT IF EXISTS market_data_timestamp_plausible,
    ADD CONSTRAINT market_data_timestamp_plausible CHECK ("timestamp" >= '1800-01-01 00:00+00' AND "timestamp" < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_open_finite,
    ADD CONSTRAINT market_data_open_finite CHECK (open > '-Infinity' AND open < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_high_finite,
    ADD CONSTRAINT market_data_high_finite CHECK (high > '-Infinity' AND high < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_low_finite,
    ADD CONSTRAINT market_data_low_finite CHECK (low > '-Infinity' AND low < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_close_finite,
    ADD CONSTRAINT market_data_close_finite CHECK (close > '-Infinity' AND close < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_volume_finite,
    ADD CONSTRAINT market_data_volume_finite CHECK (volume > '-Infinity' AND volume < 'Infinity') NOT VALID;
ALTER TABLE macro.macro_series
    DROP CONSTRAINT IF EXISTS macro_series_observation_date_plausible,
    ADD CONSTRAINT macro_series_observation_date_plausible CHECK (observation_date >= '1800-01-01' AND observation_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS macro_series_release_time_plausible,
    ADD CONSTRAINT macro_series_release_time_plausible CHECK (release_time >= '1800-01-01 00:00+00' AND release_time < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS macro_series_value_finite,
    ADD CONSTRAINT macro_series_value_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;
ALTER TABLE macro.curves
    DROP CONSTRAINT IF EXISTS curves_curve_id_not_blank,
    ADD CONSTRAINT curves_curve_id_not_blank CHECK (btrim(curve_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS curves_curve_id_length,
    ADD CONSTRAINT curves_curve_id_length CHECK (length(curve_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS curves_tenor_length,
    ADD CONSTRAINT curves_tenor_length CHECK (length(tenor) <= 8) NOT VALID,
    DROP CONSTRAINT IF EXISTS curves_curve_date_plausible,
    ADD CONSTRAINT curves_curve_date_plausible CHECK (curve_date >= '1800-01-01' AND curve_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS curves_rate_finite,
    ADD CONSTRAINT curves_rate_finite CHECK (rate > '-Infinity' AND rate < 'Infinity') NOT VALID;
ALTER TABLE macro.flow_data
    DROP CONSTRAINT IF EXISTS flow_data_observation_date_plausible,
    ADD CONSTRAINT flow_data_observation_date_plausible CHECK (observation_date >= '1800-01-01' AND observation_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS flow_data_value_finite,
    ADD CONSTRAINT flow_data_value_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;
ALTER TABLE macro.fiscal_data
    DROP CONSTRAINT IF EXISTS fiscal_data_observation_date_plausible,
    ADD CONSTRAINT fiscal_data_observation_date_plausible CHECK (observation_date >= '1800-01-01' AND observation_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS fiscal_data_value_finite,
    ADD CONSTRAINT fiscal_data_value_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;
ALTER TABLE macro.vol_surfaces
    DROP CONSTRAINT IF EXISTS vol_surfaces_tenor_length,
    ADD CONSTRAINT vol_surfaces_tenor_length CHECK (length(tenor) <= 8) NOT VALID,
    DROP CONSTRAINT IF EXISTS vol_surfaces_surface_date_plausible,
    ADD CONSTRAINT vol_surfaces_surface_date_plausible CHECK (surface_date >= '1800-01-01' AND surface_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS vol_surfaces_strike_finite,
    ADD CONSTRAINT vol_surfaces_strike_finite CHECK (strike > '-Infinity' AND strike < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS vol_surfaces_implied_vol_finite,
    ADD CONSTRAINT vol_surfaces_implied_vol_finite CHECK (implied_vol > '-Infinity' AND implied_vol < 'Infinity') NOT VALID;
ALTER TABLE macro.signals
    DROP CONSTRAINT IF EXISTS signals_signal_name_length,
    ADD CONSTRAINT signals_signal_name_length CHECK (length(signal_name) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS signals_signal_date_plausible,
    ADD CONSTRAINT signals_signal_date_plausible CHECK (signal_date >= '1800-01-01' AND signal_date < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS signals_value_finite,
    ADD CONSTRAINT signals_value_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;

COMMIT;

-- Each VALIDATE commits on its own, on purpose (see the header).
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE macro.instruments VALIDATE CONSTRAINT instruments_ticker_length;
ALTER TABLE macro.data_sources VALIDATE CONSTRAINT data_sources_name_not_blank;
ALTER TABLE macro.data_sources VALIDATE CONSTRAINT data_sources_name_length;
ALTER TABLE macro.data_sources VALIDATE CONSTRAINT data_sources_base_url_length;
ALTER TABLE macro.series_metadata VALIDATE CONSTRAINT series_metadata_series_code_not_blank;
ALTER TABLE macro.series_metadata VALIDATE CONSTRAINT series_metadata_series_code_length;
ALTER TABLE macro.series_metadata VALIDATE CONSTRAINT series_metadata_unit_not_blank;
ALTER TABLE macro.series_metadata VALIDATE CONSTRAINT series_metadata_unit_length;
ALTER TABLE macro.series_metadata VALIDATE CONSTRAINT series_metadata_description_length;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_timestamp_plausible;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_open_finite;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_high_finite;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_low_finite;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_close_finite;
ALTER TABLE macro.market_data VALIDATE CONSTRAINT market_data_volume_finite;
ALTER TABLE macro.macro_series VALIDATE CONSTRAINT macro_series_observation_date_plausible;
ALTER TABLE macro.macro_series VALIDATE CONSTRAINT macro_series_release_time_plausible;
ALTER TABLE macro.macro_series VALIDATE CONSTRAINT macro_series_value_finite;
ALTER TABLE macro.curves VALIDATE CONSTRAINT curves_curve_id_not_blank;
ALTER TABLE macro.curves VALIDATE CONSTRAINT curves_curve_id_length;
ALTER TABLE macro.curves VALIDATE CONSTRAINT curves_tenor_length;
ALTER TABLE macro.curves VALIDATE CONSTRAINT curves_curve_date_plausible;
ALTER TABLE macro.curves VALIDATE CONSTRAINT curves_rate_finite;
ALTER TABLE macro.flow_data VALIDATE CONSTRAINT flow_data_observation_date_plausible;
ALTER TABLE macro.flow_data VALIDATE CONSTRAINT flow_data_value_finite;
ALTER TABLE macro.fiscal_data VALIDATE CONSTRAINT fiscal_data_observation_date_plausible;
ALTER TABLE macro.fiscal_data VALIDATE CONSTRAINT fiscal_data_value_finite;
ALTER TABLE macro.vol_surfaces VALIDATE CONSTRAINT vol_surfaces_tenor_length;
ALTER TABLE macro.vol_surfaces VALIDATE CONSTRAINT vol_surfaces_surface_date_plausible;
ALTER TABLE macro.vol_surfaces VALIDATE CONSTRAINT vol_surfaces_strike_finite;
ALTER TABLE macro.vol_surfaces VALIDATE CONSTRAINT vol_surfaces_implied_vol_finite;
ALTER TABLE macro.signals VALIDATE CONSTRAINT signals_signal_name_length;
ALTER TABLE macro.signals VALIDATE CONSTRAINT signals_signal_date_plausible;
ALTER TABLE macro.signals VALIDATE CONSTRAINT signals_value_finite;
RESET ROLE;
RESET lock_timeout;
