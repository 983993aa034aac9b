-- Every row rule of macro (macro/row_rules) rejects its bad values, inserted as
-- marketdb_writer, naming the constraint; the row each table held before is still there.
-- Also: what no CHECK can see, '-infinity' on a hypertable's time dimension (for the
-- hypertables of on-chain, crypto, macro and equities alike).
-- (All-NaN macro bars: row_rules_crypto.sql.)
BEGIN;
SELECT plan(45);

-- Inserts a row (a JSON object, its keys the columns) and returns 'accepted' or the
-- SQLSTATE and the constraint named by the error; the failed insert is rolled back.
CREATE FUNCTION pg_temp.try_insert(p_table regclass, p_row jsonb) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_cols text;
    v_state text;
    v_constraint text;
BEGIN
    SELECT string_agg(quote_ident(k), ', ') INTO v_cols FROM jsonb_object_keys(p_row) AS k;
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM jsonb_populate_record(NULL::%s, $1)', p_table, v_cols, v_cols, p_table) USING p_row;
    RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_constraint = CONSTRAINT_NAME;
    RETURN concat_ws(' ', v_state, nullif(v_constraint, ''));
END
$$;

-- How many stored rows equal the given one in every column it names.
CREATE FUNCTION pg_temp.stored(p_table regclass, p_row jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_cols text;
    v_n bigint;
BEGIN
    SELECT string_agg(quote_ident(k), ', ') INTO v_cols FROM jsonb_object_keys(p_row) AS k;
    EXECUTE format('SELECT count(*) FROM %s WHERE ROW(%s) IS NOT DISTINCT FROM (SELECT ROW(%s) FROM jsonb_populate_record(NULL::%s, $1))',
                   p_table, v_cols, v_cols, p_table) INTO v_n USING p_row;
    RETURN v_n;
END
$$;

CREATE TEMP TABLE good (tbl regclass, n serial, row jsonb);
INSERT INTO good (tbl, row) VALUES
    ('onchain.price_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5}'),
    ('onchain.orderbook_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:00+00", "bids": [], "asks": []}'),
    ('onchain.trades', '{"trade_id": "rr-1", "token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5, "size": 10, "side": "buy"}'),
    ('crypto.candles_1m', '{"symbol": "BTCUSDT", "bucket_start": "2026-03-10 12:00+00", "open": 100, "high": 110, "low": 90, "close": 105, "volume": 1}'),
    ('crypto.trades', '{"symbol": "BTCUSDT", "trade_ts": "2026-03-10 12:00+00", "trade_id": "1", "price": 100, "quantity": 1, "is_buyer_maker": true}'),
    ('crypto.oi_snapshots', '{"symbol": "BTCUSDT", "snapshot_ts": "2026-03-10 12:00+00", "open_interest": 1}'),
    ('crypto.funding', '{"symbol": "BTCUSDT", "funding_ts": "2026-03-10 08:00+00", "funding_rate": 0.0001}'),
    ('macro.instruments', '{"id": 900001, "ticker": "RR-SPX", "asset_class": "equity_index", "currency": "USD"}'),
    ('macro.data_sources', '{"id": 900001, "name": "rr-fred"}'),
    ('macro.series_metadata', '{"id": 900001, "source_id": 900001, "series_code": "RR-GDP", "frequency": "daily"}'),
    ('macro.market_data', '{"instrument_id": 900001, "timestamp": "2026-03-10 00:00+00", "close": 100}'),
    ('macro.macro_series', '{"series_id": 900001, "observation_date": "2026-03-01", "value": 1, "release_time": "2026-03-10 12:30+00"}'),
    ('macro.curves', '{"curve_id": "UST", "curve_date": "2026-03-10", "tenor": "1Y", "rate": 4.5}'),
    ('macro.flow_data', '{"series_id": 900001, "observation_date": "2026-03-01", "value": 1}'),
    ('macro.fiscal_data', '{"series_id": 900001, "observation_date": "2026-03-01", "value": 1}'),
    ('macro.vol_surfaces', '{"instrument_id": 900001, "surface_date": "2026-03-10", "tenor": "1M", "strike": 100, "implied_vol": 0.2}'),
    ('macro.signals', '{"signal_name": "momo", "signal_date": "2026-03-10", "value": 1}'),
    ('equities.assets', '{"symbol": "RR.US", "exchange": "US", "asset_type": "Common Stock"}'),
    ('equities.market_data', '{"symbol": "RR.US", "time": "2026-03-10 00:00+00", "open": 10, "high": 11, "low": 9, "close": 10.5, "adjusted_close": 10.5, "volume": 100}');
GRANT SELECT ON good TO marketdb_writer;

SET ROLE marketdb_writer;

-- The good rows go in first (parents before children); the checks below find each stored.
CREATE TEMP TABLE first_insert AS SELECT tbl, pg_temp.try_insert(tbl, row) AS outcome FROM good ORDER BY n;

CREATE TEMP TABLE bad (tbl regclass, col text, rule text, val text);
INSERT INTO bad VALUES
    ('macro.instruments', 'ticker', 'instruments_ticker_length', repeat('x', 65)),
    ('macro.data_sources', 'name', 'data_sources_name_not_blank', ''),
    ('macro.data_sources', 'name', 'data_sources_name_not_blank', '   '),
    ('macro.data_sources', 'name', 'data_sources_name_length', repeat('x', 129)),
    ('macro.data_sources', 'base_url', 'data_sources_base_url_length', 'https://' || repeat('x', 2041)),
    ('macro.series_metadata', 'series_code', 'series_metadata_series_code_not_blank', ''),
    ('macro.series_metadata', 'series_code', 'series_metadata_series_code_not_blank', '   '),
    ('macro.series_metadata', 'series_code', 'series_metadata_series_code_length', repeat('x', 129)),
    ('macro.series_metadata', 'unit', 'series_metadata_unit_not_blank', ''),
    ('macro.series_metadata', 'unit', 'series_metadata_unit_not_blank', '   '),
    ('macro.series_metadata', 'unit', 'series_metadata_unit_length', repeat('x', 129)),
    ('macro.series_metadata', 'description', 'series_metadata_description_length', repeat('x', 10001)),
    ('macro.market_data', 'timestamp', 'market_data_timestamp_plausible', 'infinity'),
    ('macro.market_data', 'timestamp', 'market_data_timestamp_plausible', ('1800-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('macro.market_data', 'timestamp', 'market_data_timestamp_plausible', '2100-01-01'),
    ('macro.market_data', 'open', 'market_data_open_finite', 'NaN'),
    ('macro.market_data', 'open', 'market_data_open_finite', 'Infinity'),
    ('macro.market_data', 'open', 'market_data_open_finite', '-Infinity'),
    ('macro.market_data', 'high', 'market_data_high_finite', 'NaN'),
    ('macro.market_data', 'high', 'market_data_high_finite', 'Infinity'),
    ('macro.market_data', 'high', 'market_data_high_finite', '-Infinity'),
    ('macro.market_data', 'low', 'market_data_low_finite', 'NaN'),
    ('macro.market_data', 'low', 'market_data_low_finite', 'Infinity'),
    ('macro.market_data', 'low', 'market_data_low_finite', '-Infinity'),
    ('macro.market_data', 'close', 'market_data_close_finite', 'NaN'),
    ('macro.market_data', 'close', 'market_data_close_finite', 'Infinity'),
    ('macro.market_data', 'close', 'market_data_close_finite', '-Infinity'),
    ('macro.market_data', 'volume', 'market_data_volume_finite', 'NaN'),
    ('macro.market_data', 'volume', 'market_data_volume_finite', 'Infinity'),
    ('macro.market_data', 'volume', 'market_data_volume_finite', '-Infinity'),
    ('macro.macro_series', 'observation_date', 'macro_series_observation_date_plausible', 'infinity'),
    ('macro.macro_series', 'observation_date', 'macro_series_observation_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.macro_series', 'observation_date', 'macro_series_observation_date_plausible', '2100-01-01'),
    ('macro.macro_series', 'release_time', 'macro_series_release_time_plausible', 'infinity'),
    ('macro.macro_series', 'release_time', 'macro_series_release_time_plausible', ('1800-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('macro.macro_series', 'release_time', 'macro_series_release_time_plausible', '2100-01-01'),
    ('macro.macro_series', 'release_time', 'macro_series_release_time_plausible', '-infinity'),
    ('macro.macro_series', 'value', 'macro_series_value_finite', 'NaN'),
    ('macro.macro_series', 'value', 'macro_series_value_finite', 'Infinity'),
    ('macro.macro_series', 'value', 'macro_series_value_finite', '-Infinity'),
    ('macro.curves', 'curve_id', 'curves_curve_id_not_blank', ''),
    ('macro.curves', 'curve_id', 'curves_curve_id_not_blank', '   '),
    ('macro.curves', 'curve_id', 'curves_curve_id_length', repeat('x', 129)),
    ('macro.curves', 'tenor', 'curves_tenor_length', '10000000Y'),
    ('macro.curves', 'curve_date', 'curves_curve_date_plausible', 'infinity'),
    ('macro.curves', 'curve_date', 'curves_curve_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.curves', 'curve_date', 'curves_curve_date_plausible', '2100-01-01'),
    ('macro.curves', 'rate', 'curves_rate_finite', 'NaN'),
    ('macro.curves', 'rate', 'curves_rate_finite', 'Infinity'),
    ('macro.curves', 'rate', 'curves_rate_finite', '-Infinity'),
    ('macro.flow_data', 'observation_date', 'flow_data_observation_date_plausible', 'infinity'),
    ('macro.flow_data', 'observation_date', 'flow_data_observation_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.flow_data', 'observation_date', 'flow_data_observation_date_plausible', '2100-01-01'),
    ('macro.flow_data', 'value', 'flow_data_value_finite', 'NaN'),
    ('macro.flow_data', 'value', 'flow_data_value_finite', 'Infinity'),
    ('macro.flow_data', 'value', 'flow_data_value_finite', '-Infinity'),
    ('macro.fiscal_data', 'observation_date', 'fiscal_data_observation_date_plausible', 'infinity'),
    ('macro.fiscal_data', 'observation_date', 'fiscal_data_observation_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.fiscal_data', 'observation_date', 'fiscal_data_observation_date_plausible', '2100-01-01'),
    ('macro.fiscal_data', 'value', 'fiscal_data_value_finite', 'NaN'),
    ('macro.fiscal_data', 'value', 'fiscal_data_value_finite', 'Infinity'),
    ('macro.fiscal_data', 'value', 'fiscal_data_value_finite', '-Infinity'),
    ('macro.vol_surfaces', 'tenor', 'vol_surfaces_tenor_length', '10000000M'),
    ('macro.vol_surfaces', 'surface_date', 'vol_surfaces_surface_date_plausible', 'infinity'),
    ('macro.vol_surfaces', 'surface_date', 'vol_surfaces_surface_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.vol_surfaces', 'surface_date', 'vol_surfaces_surface_date_plausible', '2100-01-01'),
    ('macro.vol_surfaces', 'strike', 'vol_surfaces_strike_finite', 'NaN'),
    ('macro.vol_surfaces', 'strike', 'vol_surfaces_strike_finite', 'Infinity'),
    ('macro.vol_surfaces', 'strike', 'vol_surfaces_strike_finite', '-Infinity'),
    ('macro.vol_surfaces', 'implied_vol', 'vol_surfaces_implied_vol_finite', 'NaN'),
    ('macro.vol_surfaces', 'implied_vol', 'vol_surfaces_implied_vol_finite', 'Infinity'),
    ('macro.vol_surfaces', 'implied_vol', 'vol_surfaces_implied_vol_finite', '-Infinity'),
    ('macro.signals', 'signal_name', 'signals_signal_name_length', repeat('x', 129)),
    ('macro.signals', 'signal_date', 'signals_signal_date_plausible', 'infinity'),
    ('macro.signals', 'signal_date', 'signals_signal_date_plausible', ('1800-01-01'::date - 1)::text),
    ('macro.signals', 'signal_date', 'signals_signal_date_plausible', '2100-01-01'),
    ('macro.signals', 'value', 'signals_value_finite', 'NaN'),
    ('macro.signals', 'value', 'signals_value_finite', 'Infinity'),
    ('macro.signals', 'value', 'signals_value_finite', '-Infinity');

CREATE TEMP TABLE outcome AS
SELECT b.tbl, b.col, b.rule, b.val, pg_temp.try_insert(b.tbl, g.row || jsonb_build_object(b.col, b.val)) AS outcome
  FROM bad AS b JOIN good AS g USING (tbl);

SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'instruments_ticker_length' AND tbl = 'macro.instruments'::regclass),
    array_fill('23514 instruments_ticker_length'::text, ARRAY[1]), 'macro.instruments: ticker length (instruments_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'data_sources_name_not_blank' AND tbl = 'macro.data_sources'::regclass),
    array_fill('23514 data_sources_name_not_blank'::text, ARRAY[2]), 'macro.data_sources: name not blank (data_sources_name_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'data_sources_name_length' AND tbl = 'macro.data_sources'::regclass),
    array_fill('23514 data_sources_name_length'::text, ARRAY[1]), 'macro.data_sources: name length (data_sources_name_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'data_sources_base_url_length' AND tbl = 'macro.data_sources'::regclass),
    array_fill('23514 data_sources_base_url_length'::text, ARRAY[1]), 'macro.data_sources: base_url length (data_sources_base_url_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_metadata_series_code_not_blank' AND tbl = 'macro.series_metadata'::regclass),
    array_fill('23514 series_metadata_series_code_not_blank'::text, ARRAY[2]), 'macro.series_metadata: series_code not blank (series_metadata_series_code_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_metadata_series_code_length' AND tbl = 'macro.series_metadata'::regclass),
    array_fill('23514 series_metadata_series_code_length'::text, ARRAY[1]), 'macro.series_metadata: series_code length (series_metadata_series_code_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_metadata_unit_not_blank' AND tbl = 'macro.series_metadata'::regclass),
    array_fill('23514 series_metadata_unit_not_blank'::text, ARRAY[2]), 'macro.series_metadata: unit not blank (series_metadata_unit_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_metadata_unit_length' AND tbl = 'macro.series_metadata'::regclass),
    array_fill('23514 series_metadata_unit_length'::text, ARRAY[1]), 'macro.series_metadata: unit length (series_metadata_unit_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_metadata_description_length' AND tbl = 'macro.series_metadata'::regclass),
    array_fill('23514 series_metadata_description_length'::text, ARRAY[1]), 'macro.series_metadata: description length (series_metadata_description_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'market_data_timestamp_plausible' AND tbl = 'macro.market_data'::regclass),
    array_fill('23514 market_data_timestamp_plausible'::text, ARRAY[3]), 'macro.market_data: timestamp plausible (market_data_timestamp_plausible)');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'macro.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'open') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_open_finite' AND tbl = 'macro.market_data'::regclass),
    '3 of 3', 'macro.market_data: open finite, by market_data_open_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'macro.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'high') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_high_finite' AND tbl = 'macro.market_data'::regclass),
    '3 of 3', 'macro.market_data: high finite, by market_data_high_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'macro.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'low') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_low_finite' AND tbl = 'macro.market_data'::regclass),
    '3 of 3', 'macro.market_data: low finite, by market_data_low_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'macro.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'close') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_close_finite' AND tbl = 'macro.market_data'::regclass),
    '3 of 3', 'macro.market_data: close finite, by market_data_close_finite or a rule tying it to the other columns');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'market_data_volume_finite' AND tbl = 'macro.market_data'::regclass),
    array_fill('23514 market_data_volume_finite'::text, ARRAY[3]), 'macro.market_data: volume finite (market_data_volume_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'macro_series_observation_date_plausible' AND tbl = 'macro.macro_series'::regclass),
    array_fill('23514 macro_series_observation_date_plausible'::text, ARRAY[3]), 'macro.macro_series: observation_date plausible (macro_series_observation_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'macro_series_release_time_plausible' AND tbl = 'macro.macro_series'::regclass),
    array_fill('23514 macro_series_release_time_plausible'::text, ARRAY[4]), 'macro.macro_series: release_time plausible (macro_series_release_time_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'macro_series_value_finite' AND tbl = 'macro.macro_series'::regclass),
    array_fill('23514 macro_series_value_finite'::text, ARRAY[3]), 'macro.macro_series: value finite (macro_series_value_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'curves_curve_id_not_blank' AND tbl = 'macro.curves'::regclass),
    array_fill('23514 curves_curve_id_not_blank'::text, ARRAY[2]), 'macro.curves: curve_id not blank (curves_curve_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'curves_curve_id_length' AND tbl = 'macro.curves'::regclass),
    array_fill('23514 curves_curve_id_length'::text, ARRAY[1]), 'macro.curves: curve_id length (curves_curve_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'curves_tenor_length' AND tbl = 'macro.curves'::regclass),
    array_fill('23514 curves_tenor_length'::text, ARRAY[1]), 'macro.curves: tenor length (curves_tenor_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'curves_curve_date_plausible' AND tbl = 'macro.curves'::regclass),
    array_fill('23514 curves_curve_date_plausible'::text, ARRAY[3]), 'macro.curves: curve_date plausible (curves_curve_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'curves_rate_finite' AND tbl = 'macro.curves'::regclass),
    array_fill('23514 curves_rate_finite'::text, ARRAY[3]), 'macro.curves: rate finite (curves_rate_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'flow_data_observation_date_plausible' AND tbl = 'macro.flow_data'::regclass),
    array_fill('23514 flow_data_observation_date_plausible'::text, ARRAY[3]), 'macro.flow_data: observation_date plausible (flow_data_observation_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'flow_data_value_finite' AND tbl = 'macro.flow_data'::regclass),
    array_fill('23514 flow_data_value_finite'::text, ARRAY[3]), 'macro.flow_data: value finite (flow_data_value_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'fiscal_data_observation_date_plausible' AND tbl = 'macro.fiscal_data'::regclass),
    array_fill('23514 fiscal_data_observation_date_plausible'::text, ARRAY[3]), 'macro.fiscal_data: observation_date plausible (fiscal_data_observation_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'fiscal_data_value_finite' AND tbl = 'macro.fiscal_data'::regclass),
    array_fill('23514 fiscal_data_value_finite'::text, ARRAY[3]), 'macro.fiscal_data: value finite (fiscal_data_value_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'vol_surfaces_tenor_length' AND tbl = 'macro.vol_surfaces'::regclass),
    array_fill('23514 vol_surfaces_tenor_length'::text, ARRAY[1]), 'macro.vol_surfaces: tenor length (vol_surfaces_tenor_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'vol_surfaces_surface_date_plausible' AND tbl = 'macro.vol_surfaces'::regclass),
    array_fill('23514 vol_surfaces_surface_date_plausible'::text, ARRAY[3]), 'macro.vol_surfaces: surface_date plausible (vol_surfaces_surface_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'vol_surfaces_strike_finite' AND tbl = 'macro.vol_surfaces'::regclass),
    array_fill('23514 vol_surfaces_strike_finite'::text, ARRAY[3]), 'macro.vol_surfaces: strike finite (vol_surfaces_strike_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'vol_surfaces_implied_vol_finite' AND tbl = 'macro.vol_surfaces'::regclass),
    array_fill('23514 vol_surfaces_implied_vol_finite'::text, ARRAY[3]), 'macro.vol_surfaces: implied_vol finite (vol_surfaces_implied_vol_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'signals_signal_name_length' AND tbl = 'macro.signals'::regclass),
    array_fill('23514 signals_signal_name_length'::text, ARRAY[1]), 'macro.signals: signal_name length (signals_signal_name_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'signals_signal_date_plausible' AND tbl = 'macro.signals'::regclass),
    array_fill('23514 signals_signal_date_plausible'::text, ARRAY[3]), 'macro.signals: signal_date plausible (signals_signal_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'signals_value_finite' AND tbl = 'macro.signals'::regclass),
    array_fill('23514 signals_value_finite'::text, ARRAY[3]), 'macro.signals: value finite (signals_value_finite)');

-- Nothing stored before was lost or changed.
SELECT is(pg_temp.stored('macro.instruments', (SELECT row FROM good WHERE tbl = 'macro.instruments'::regclass)), 1::bigint, 'macro.instruments: the row stored before is intact');
SELECT is(pg_temp.stored('macro.data_sources', (SELECT row FROM good WHERE tbl = 'macro.data_sources'::regclass)), 1::bigint, 'macro.data_sources: the row stored before is intact');
SELECT is(pg_temp.stored('macro.series_metadata', (SELECT row FROM good WHERE tbl = 'macro.series_metadata'::regclass)), 1::bigint, 'macro.series_metadata: the row stored before is intact');
SELECT is(pg_temp.stored('macro.market_data', (SELECT row FROM good WHERE tbl = 'macro.market_data'::regclass)), 1::bigint, 'macro.market_data: the row stored before is intact');
SELECT is(pg_temp.stored('macro.macro_series', (SELECT row FROM good WHERE tbl = 'macro.macro_series'::regclass)), 1::bigint, 'macro.macro_series: the row stored before is intact');
SELECT is(pg_temp.stored('macro.curves', (SELECT row FROM good WHERE tbl = 'macro.curves'::regclass)), 1::bigint, 'macro.curves: the row stored before is intact');
SELECT is(pg_temp.stored('macro.flow_data', (SELECT row FROM good WHERE tbl = 'macro.flow_data'::regclass)), 1::bigint, 'macro.flow_data: the row stored before is intact');
SELECT is(pg_temp.stored('macro.fiscal_data', (SELECT row FROM good WHERE tbl = 'macro.fiscal_data'::regclass)), 1::bigint, 'macro.fiscal_data: the row stored before is intact');
SELECT is(pg_temp.stored('macro.vol_surfaces', (SELECT row FROM good WHERE tbl = 'macro.vol_surfaces'::regclass)), 1::bigint, 'macro.vol_surfaces: the row stored before is intact');
SELECT is(pg_temp.stored('macro.signals', (SELECT row FROM good WHERE tbl = 'macro.signals'::regclass)), 1::bigint, 'macro.signals: the row stored before is intact');

-- What no CHECK can see. TimescaleDB routes a row to its chunk before any constraint runs,
-- and refuses '-infinity' in a time dimension there (22008, naming no constraint).
SELECT is((SELECT array_agg(DISTINCT pg_temp.try_insert(g.tbl, g.row || jsonb_build_object(d.col, '-infinity')))
             FROM good AS g JOIN (VALUES ('onchain.price_snapshots'::regclass, 'ts'), ('onchain.orderbook_snapshots', 'ts'), ('onchain.trades', 'ts'),
                                         ('crypto.candles_1m', 'bucket_start'), ('crypto.trades', 'trade_ts'), ('crypto.oi_snapshots', 'snapshot_ts'),
                                         ('crypto.funding', 'funding_ts'), ('macro.market_data', 'timestamp'), ('macro.macro_series', 'observation_date'),
                                         ('macro.curves', 'curve_date'), ('macro.flow_data', 'observation_date'), ('macro.fiscal_data', 'observation_date'),
                                         ('macro.vol_surfaces', 'surface_date'), ('macro.signals', 'signal_date'), ('equities.market_data', 'time')) AS d (tbl, col)
                  USING (tbl)),
    ARRAY['22008'], 'every hypertable refuses ''-infinity'' in its time dimension (22008, before any constraint)');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
