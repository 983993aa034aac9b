-- Verify marketdb:macro/row_rules on pg

BEGIN;

-- All 34 rules exist on their tables and are validated.
SELECT 1 / (count(*) = 34)::integer
  FROM pg_constraint AS c
 WHERE c.contype = 'c' AND c.convalidated
   AND (c.conrelid::regclass::text, c.conname) IN (
       ('macro.instruments', 'instruments_ticker_length'),
       ('macro.data_sources', 'data_sources_name_not_blank'),
       ('macro.data_sources', 'data_sources_name_length'),
       ('macro.data_sources', 'data_sources_base_url_length'),
       ('macro.series_metadata', 'series_metadata_series_code_not_blank'),
       ('macro.series_metadata', 'series_metadata_series_code_length'),
       ('macro.series_metadata', 'series_metadata_unit_not_blank'),
       ('macro.series_metadata', 'series_metadata_unit_length'),
       ('macro.series_metadata', 'series_metadata_description_length'),
       ('macro.market_data', 'market_data_timestamp_plausible'),
       ('macro.market_data', 'market_data_open_finite'),
       ('macro.market_data', 'market_data_high_finite'),
       ('macro.market_data', 'market_data_low_finite'),
       ('macro.market_data', 'market_data_close_finite'),
       ('macro.market_data', 'market_data_volume_finite'),
       ('macro.macro_series', 'macro_series_observation_date_plausible'),
       ('macro.macro_series', 'macro_series_release_time_plausible'),
       ('macro.macro_series', 'macro_series_value_finite'),
       ('macro.curves', 'curves_curve_id_not_blank'),
       ('macro.curves', 'curves_curve_id_length'),
       ('macro.curves', 'curves_tenor_length'),
       ('macro.curves', 'curves_curve_date_plausible'),
       ('macro.curves', 'curves_rate_finite'),
       ('macro.flow_data', 'flow_data_observation_date_plausible'),
       ('macro.flow_data', 'flow_data_value_finite'),
       ('macro.fiscal_data', 'fiscal_data_observation_date_plausible'),
       ('macro.fiscal_data', 'fiscal_data_value_finite'),
       ('macro.vol_surfaces', 'vol_surfaces_tenor_length'),
       ('macro.vol_surfaces', 'vol_surfaces_surface_date_plausible'),
       ('macro.vol_surfaces', 'vol_surfaces_strike_finite'),
       ('macro.vol_surfaces', 'vol_surfaces_implied_vol_finite'),
       ('macro.signals', 'signals_signal_name_length'),
       ('macro.signals', 'signals_signal_date_plausible'),
       ('macro.signals', 'signals_value_finite'));

ROLLBACK;
