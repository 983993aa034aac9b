-- Revert marketdb:macro/row_rules from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE macro.instruments
    DROP CONSTRAINT instruments_ticker_length;
ALTER TABLE macro.data_sources
    DROP CONSTRAINT data_sources_name_not_blank,
    DROP CONSTRAINT data_sources_name_length,
    DROP CONSTRAINT data_sources_base_url_length;
ALTER TABLE macro.series_metadata
    DROP CONSTRAINT series_metadata_series_code_not_blank,
    DROP CONSTRAINT series_metadata_series_code_length,
    DROP CONSTRAINT series_metadata_unit_not_blank,
    DROP CONSTRAINT series_metadata_unit_length,
    DROP CONSTRAINT series_metadata_description_length;
ALTER TABLE macro.market_data
    DROP CONSTRAINT market_data_timestamp_plausible,
    DROP CONSTRAINT market_data_open_finite,
    DROP CONSTRAINT market_data_high_finite,
    DROP CONSTRAINT market_data_low_finite,
    DROP CONSTRAINT market_data_close_finite,
    DROP CONSTRAINT market_data_volume_finite;
ALTER TABLE macro.macro_series
    DROP CONSTRAINT macro_series_observation_date_plausible,
    DROP CONSTRAINT macro_series_release_time_plausible,
    DROP CONSTRAINT macro_series_value_finite;
ALTER TABLE macro.curves
    DROP CONSTRAINT curves_curve_id_not_blank,
    DROP CONSTRAINT curves_curve_id_length,
    DROP CONSTRAINT curves_tenor_length,
    DROP CONSTRAINT curves_curve_date_plausible,
    DROP CONSTRAINT curves_rate_finite;
ALTER TABLE macro.flow_data
    DROP CONSTRAINT flow_data_observation_date_plausible,
    DROP CONSTRAINT flow_data_value_finite;
ALTER TABLE macro.fiscal_data
    DROP CONSTRAINT fiscal_data_observation_date_plausible,
    DROP CONSTRAINT fiscal_data_value_finite;
ALTER TABLE macro.vol_surfaces
    DROP CONSTRAINT vol_surfaces_tenor_length,
    DROP CONSTRAINT vol_surfaces_surface_date_plausible,
    DROP CONSTRAINT vol_surfaces_strike_finite,
    DROP CONSTRAINT vol_surfaces_implied_vol_finite;
ALTER TABLE macro.signals
    DROP CONSTRAINT signals_signal_name_length,
    DROP CONSTRAINT signals_signal_date_plausible,
    DROP CONSTRAINT signals_value_finite;

COMMIT;
