-- macro and equities: idempotent ingestion on the natural keys, and every bad row kind
-- rejected by its named constraint without losing what was stored. (TimescaleDB copies a
-- hypertable's foreign keys to each chunk as <n>_<m>_<name>, so those match on the suffix.)
BEGIN;
SELECT plan(30);

INSERT INTO macro.instruments (ticker, asset_class, country, currency) VALUES ('SPX', 'equity_index', 'US', 'USD');
INSERT INTO macro.data_sources (name) VALUES ('TEST');
INSERT INTO macro.series_metadata (source_id, series_code, frequency) SELECT id, 'FLOW1', 'weekly' FROM macro.data_sources;
CREATE TEMP TABLE ids AS
SELECT (SELECT id FROM macro.instruments WHERE ticker = 'SPX') AS inst,
       (SELECT id FROM macro.series_metadata WHERE series_code = 'FLOW1') AS ser;
INSERT INTO equities.assets (symbol, exchange, asset_type) VALUES ('AAPL.US', 'US', 'common_stock');

-- Each batch twice, ON CONFLICT DO NOTHING: stored once.
CREATE FUNCTION pg_temp.twice(p_insert text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE p_insert || ' ON CONFLICT DO NOTHING';
    EXECUTE p_insert || ' ON CONFLICT DO NOTHING';
END $$;
SELECT pg_temp.twice($$INSERT INTO macro.market_data (instrument_id, "timestamp", open, high, low, close, volume)
    SELECT inst, '2026-03-10', 5000, 5050, 4980, 5040, 1e9 FROM ids$$);
SELECT pg_temp.twice($$INSERT INTO macro.macro_series (series_id, observation_date, value, release_time)
    SELECT ser, '2026-03-06', 1.5, '2026-03-11 20:00+00' FROM ids$$);
SELECT pg_temp.twice($$INSERT INTO macro.curves (curve_id, curve_date, tenor, rate) VALUES
    ('USD-SOFR', '2026-03-10', '3M', 4.31), ('USD-SOFR', '2026-03-10', '10Y', 4.05)$$);
SELECT pg_temp.twice($$INSERT INTO macro.flow_data (series_id, observation_date, value) SELECT ser, '2026-03-06', -2.5e9 FROM ids$$);
SELECT pg_temp.twice($$INSERT INTO macro.fiscal_data (series_id, observation_date, value) SELECT ser, '2026-02-28', 1.2e12 FROM ids$$);
SELECT pg_temp.twice($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, strike, delta, implied_vol)
    SELECT inst, date '2026-03-10', '1M', 5000, NULL::numeric, 0.18 FROM ids UNION ALL SELECT inst, date '2026-03-10', '1M', NULL, 0.25, 0.21 FROM ids$$);
SELECT pg_temp.twice($$INSERT INTO macro.signals (signal_name, signal_date, instrument_id, series_id, value) VALUES
    ('risk_on', '2026-03-10', NULL, NULL, 0.7)$$);
SELECT pg_temp.twice($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES
    ('2026-03-10', 'AAPL.US', 230.1, 232.5, 229.8, 231.9, 231.9, 51234567)$$);
SELECT pg_temp.twice($$INSERT INTO equities.corporate_actions ("date", symbol, action_type, value, currency) VALUES
    ('2026-02-14', 'AAPL.US', 'dividend', 0.26, 'USD')$$);

SELECT results_eq(
    $$SELECT (SELECT count(*) FROM macro.market_data), (SELECT count(*) FROM macro.macro_series), (SELECT count(*) FROM macro.curves),
             (SELECT count(*) FROM macro.flow_data), (SELECT count(*) FROM macro.fiscal_data), (SELECT count(*) FROM macro.vol_surfaces),
             (SELECT count(*) FROM macro.signals), (SELECT count(*) FROM equities.market_data), (SELECT count(*) FROM equities.corporate_actions)$$,
    $$VALUES (1::bigint, 1::bigint, 2::bigint, 1::bigint, 1::bigint, 2::bigint, 1::bigint, 1::bigint, 1::bigint)$$,
    'every batch replayed with ON CONFLICT DO NOTHING is stored once (signals and surfaces with NULL key parts too)');

SELECT throws_like($$INSERT INTO macro.instruments (ticker, asset_class, currency) VALUES ('X', 'stocks', 'USD')$$,
    '%"instruments_asset_class_known"%', 'an unknown asset class violates instruments_asset_class_known');
SELECT throws_like($$INSERT INTO macro.instruments (ticker, asset_class, currency) VALUES ('X', 'fx', 'usd')$$,
    '%"instruments_currency_iso"%', 'a currency that is not ISO 4217 violates instruments_currency_iso');
SELECT throws_like($$INSERT INTO macro.instruments (ticker, asset_class, country, currency) VALUES ('X', 'fx', 'USA', 'USD')$$,
    '%"instruments_country_iso"%', 'a country that is not ISO 3166 alpha-2 violates instruments_country_iso');
SELECT throws_like($$INSERT INTO macro.data_sources (name, base_url) VALUES ('Y', 'ftp://x')$$,
    '%"data_sources_base_url_http"%', 'a non-HTTP base URL violates data_sources_base_url_http');
SELECT throws_like($$INSERT INTO macro.data_sources (name, rate_limit) VALUES ('Y', 0)$$,
    '%"data_sources_rate_limit_positive"%', 'a zero rate limit violates data_sources_rate_limit_positive');
SELECT throws_like($$INSERT INTO macro.series_metadata (source_id, series_code, frequency) SELECT id, 'FLOW1', 'weekly' FROM macro.data_sources$$,
    '%"series_metadata_source_code_key"%', 'a series code is unique per source');
SELECT throws_like($$INSERT INTO macro.series_metadata (source_id, series_code, frequency) SELECT id, 'Z', 'hourly' FROM macro.data_sources$$,
    '%"series_metadata_frequency_known"%', 'an unknown frequency violates series_metadata_frequency_known');
SELECT throws_like($$INSERT INTO macro.market_data (instrument_id, "timestamp", close) VALUES (-1, now(), 1)$$,
    '%market_data_instrument_id_fkey"%', 'bars of an unknown instrument violate market_data_instrument_id_fkey');
SELECT throws_like($$INSERT INTO macro.market_data (instrument_id, "timestamp", open, high, low, close) SELECT inst, now(), 10, 9, 8, 10 FROM ids$$,
    '%"market_data_high_not_below_open_close"%', 'a high below the open violates market_data_high_not_below_open_close');
SELECT throws_like($$INSERT INTO macro.market_data (instrument_id, "timestamp", close, volume) SELECT inst, now(), 10, -1 FROM ids$$,
    '%"market_data_volume_not_negative"%', 'a negative volume violates market_data_volume_not_negative');
SELECT throws_like($$INSERT INTO macro.macro_series (series_id, observation_date, value, release_time) VALUES (-1, '2026-01-01', 1, now())$$,
    '%macro_series_series_id_fkey"%', 'an observation of an unknown series violates macro_series_series_id_fkey');
SELECT throws_like($$INSERT INTO macro.curves (curve_id, curve_date, tenor, rate) VALUES ('C', '2026-03-10', '3 months', 1)$$,
    '%"curves_tenor_format"%', 'a tenor not in the market''s form violates curves_tenor_format');
SELECT throws_like($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, strike, delta, implied_vol) SELECT inst, '2026-03-10', '1M', 5000, 0.5, 0.2 FROM ids$$,
    '%"vol_surfaces_strike_or_delta"%', 'a point with both strike and delta violates vol_surfaces_strike_or_delta');
SELECT throws_like($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, strike, implied_vol) SELECT inst, '2026-03-10', '1M', 4000, 0 FROM ids$$,
    '%"vol_surfaces_implied_vol_positive"%', 'a zero implied vol violates vol_surfaces_implied_vol_positive');
SELECT throws_like($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, delta, implied_vol) SELECT inst, '2026-03-10', '1M', 1.5, 0.2 FROM ids$$,
    '%"vol_surfaces_delta_range"%', 'a delta outside -1..1 violates vol_surfaces_delta_range');
SELECT throws_like($$INSERT INTO macro.signals (signal_name, signal_date, series_id, value) VALUES ('s', '2026-03-10', -5, 1)$$,
    '%signals_series_id_fkey"%', 'a signal about an unknown series violates signals_series_id_fkey');
SELECT throws_ilike($$INSERT INTO macro.flow_data (series_id, observation_date, value) SELECT ser, NULL, 1 FROM ids$$,
    '%null value in column "observation_date"%', 'a flow without a date is rejected');

SELECT throws_like($$INSERT INTO equities.assets (symbol, exchange, asset_type) VALUES ('AAPL', 'US', 'common_stock')$$,
    '%"assets_symbol_format"%', 'a symbol without its exchange suffix violates assets_symbol_format');
SELECT throws_like($$INSERT INTO equities.assets (symbol, exchange, asset_type) VALUES ('MSFT.US', 'US', '  ')$$,
    '%"assets_asset_type_named"%', 'a blank asset type violates assets_asset_type_named');
SELECT lives_ok($$INSERT INTO equities.assets (symbol, exchange, asset_type) VALUES ('SPY.US', 'US', 'ETF'), ('VOD.LSE', 'LSE', 'Common Stock')$$,
    'asset types are stored as the vendor sends them (''ETF'', ''Common Stock'')');
SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11', 'MSFT.US', 1, 1, 1, 1, 1, 1)$$,
    '%market_data_symbol_fkey"%', 'bars of an unknown asset violate market_data_symbol_fkey');
SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11', 'AAPL.US', 10, 9, 8, 10, 10, 1)$$,
    '%"market_data_high_not_below_open_close"%', 'high below the open violates market_data_high_not_below_open_close');
SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11', 'AAPL.US', 10, 10, 10, 10, 10, -1)$$,
    '%"market_data_volume_not_negative"%', 'a negative volume violates market_data_volume_not_negative');
SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11 15:00+00', 'AAPL.US', 10, 10, 10, 10, 10, 1)$$,
    '%"market_data_time_is_a_date"%', 'an end-of-day bar not stamped at midnight UTC violates market_data_time_is_a_date');
SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11', 'AAPL.US', 100000000, 100000000, 100000000, 100000000, 1, 1)$$,
    '%numeric field overflow%', 'a price beyond NUMERIC(12,4) is rejected, not rounded');
SELECT throws_like($$INSERT INTO equities.corporate_actions ("date", symbol, action_type, value) VALUES ('2026-03-01', 'AAPL.US', 'dividend', 0.25)$$,
    '%"corporate_actions_currency_for_dividends"%', 'a dividend without a currency violates corporate_actions_currency_for_dividends');
SELECT throws_like($$INSERT INTO equities.corporate_actions ("date", symbol, action_type, value) VALUES ('2026-03-01', 'AAPL.US', 'merger', 1)$$,
    '%"corporate_actions_action_type_known"%', 'an unknown action type violates corporate_actions_action_type_known');
SELECT throws_like($$INSERT INTO equities.corporate_actions ("date", symbol, action_type, value) VALUES ('2026-03-01', 'AAPL.US', 'split', 0)$$,
    '%"corporate_actions_value_positive"%', 'a zero split ratio violates corporate_actions_value_positive');

SELECT results_eq(
    $$SELECT (SELECT count(*) FROM macro.market_data) + (SELECT count(*) FROM macro.macro_series) + (SELECT count(*) FROM macro.curves)
           + (SELECT count(*) FROM macro.flow_data) + (SELECT count(*) FROM macro.fiscal_data) + (SELECT count(*) FROM macro.vol_surfaces)
           + (SELECT count(*) FROM macro.signals) + (SELECT count(*) FROM equities.market_data) + (SELECT count(*) FROM equities.corporate_actions)
           + (SELECT count(*) FROM equities.assets) + (SELECT count(*) FROM macro.instruments)$$,
    $$VALUES (15::bigint)$$,
    'after every rejection the 15 stored rows are all still there');

SELECT * FROM finish();
ROLLBACK;
