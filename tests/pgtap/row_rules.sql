-- Every row rule of the five domains (<domain>/row_rules) rejects its bad values, inserted
-- as marketdb_writer, naming the constraint; the row each table held before is still there.
-- Also: what no CHECK can see ('-infinity' on a hypertable's time dimension, infinities in
-- columns of fixed scale), the rounding of extra decimals, and crossed books.
BEGIN;
SELECT plan(180);

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
    ('exchange.series', '{"series_ticker": "RR-S", "title": "Series"}'),
    ('exchange.events', '{"event_ticker": "RR-E", "series_ticker": "RR-S", "title": "Event"}'),
    ('exchange.markets', '{"ticker": "RR-M", "event_ticker": "RR-E", "series_ticker": "RR-S", "title": "Market"}'),
    ('exchange.trades', '{"trade_id": "rr-1", "ticker": "RR-M", "ts": "2026-03-10 12:00+00", "yes_price": 40, "no_price": 60, "count": 1, "taker_side": "yes"}'),
    ('exchange.orderbook_deltas', '{"ticker": "RR-M", "ts": "2026-03-10 12:00+00", "seq": 1, "side": "yes", "price": 40, "delta": 5}'),
    ('exchange.market_snapshots', '{"ticker": "RR-M", "ts": "2026-03-10 12:00+00", "yes_bid": 40, "yes_ask": 41}'),
    ('exchange.settlements', '{"ticker": "RR-M", "event_ticker": "RR-E", "series_ticker": "RR-S", "result": "yes", "settlement_value": 100, "settled_at": "2026-03-11 00:00+00"}'),
    ('onchain.markets', '{"token_id": "RR-T", "condition_id": "0xrr", "question": "Will it?", "outcome": "Yes"}'),
    ('onchain.resolutions', '{"token_id": "RR-T", "outcome": "yes", "payout": 1, "resolved_at": "2026-03-11 00:00+00", "source": "uma"}'),
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
    ('equities.market_data', '{"symbol": "RR.US", "time": "2026-03-10 00:00+00", "open": 10, "high": 11, "low": 9, "close": 10.5, "adjusted_close": 10.5, "volume": 100}'),
    ('equities.corporate_actions', '{"symbol": "RR.US", "date": "2026-03-02", "action_type": "split", "value": 2}');
GRANT SELECT ON good TO marketdb_writer;

SET ROLE marketdb_writer;

-- The good rows go in first (parents before children): each is accepted.
CREATE TEMP TABLE first_insert AS SELECT tbl, pg_temp.try_insert(tbl, row) AS outcome FROM good ORDER BY n;
SELECT is((SELECT array_agg(tbl::text ORDER BY tbl::text) FROM first_insert WHERE outcome <> 'accepted'), NULL, 'the good row of every table is accepted');

CREATE TEMP TABLE bad (tbl regclass, col text, rule text, val text);
INSERT INTO bad VALUES
    ('exchange.series', 'series_ticker', 'series_series_ticker_length', repeat('x', 65)),
    ('exchange.series', 'title', 'series_title_length', repeat('x', 1001)),
    ('exchange.series', 'category', 'series_category_not_blank', ''),
    ('exchange.series', 'category', 'series_category_not_blank', '   '),
    ('exchange.series', 'category', 'series_category_length', repeat('x', 65)),
    ('exchange.series', 'frequency', 'series_frequency_not_blank', ''),
    ('exchange.series', 'frequency', 'series_frequency_not_blank', '   '),
    ('exchange.series', 'frequency', 'series_frequency_length', repeat('x', 65)),
    ('exchange.events', 'event_ticker', 'events_event_ticker_length', repeat('x', 65)),
    ('exchange.events', 'series_ticker', 'events_series_ticker_not_blank', ''),
    ('exchange.events', 'series_ticker', 'events_series_ticker_not_blank', '   '),
    ('exchange.events', 'series_ticker', 'events_series_ticker_length', repeat('x', 65)),
    ('exchange.events', 'title', 'events_title_not_blank', ''),
    ('exchange.events', 'title', 'events_title_not_blank', '   '),
    ('exchange.events', 'title', 'events_title_length', repeat('x', 1001)),
    ('exchange.events', 'sub_title', 'events_sub_title_length', repeat('x', 1001)),
    ('exchange.events', 'category', 'events_category_not_blank', ''),
    ('exchange.events', 'category', 'events_category_not_blank', '   '),
    ('exchange.events', 'category', 'events_category_length', repeat('x', 65)),
    ('exchange.events', 'strike_date', 'events_strike_date_plausible', 'infinity'),
    ('exchange.events', 'strike_date', 'events_strike_date_plausible', ('2018-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('exchange.events', 'strike_date', 'events_strike_date_plausible', '2100-01-01'),
    ('exchange.events', 'strike_date', 'events_strike_date_plausible', '-infinity'),
    ('exchange.markets', 'ticker', 'markets_ticker_length', repeat('x', 65)),
    ('exchange.markets', 'event_ticker', 'markets_event_ticker_not_blank', ''),
    ('exchange.markets', 'event_ticker', 'markets_event_ticker_not_blank', '   '),
    ('exchange.markets', 'event_ticker', 'markets_event_ticker_length', repeat('x', 65)),
    ('exchange.markets', 'series_ticker', 'markets_series_ticker_not_blank', ''),
    ('exchange.markets', 'series_ticker', 'markets_series_ticker_not_blank', '   '),
    ('exchange.markets', 'series_ticker', 'markets_series_ticker_length', repeat('x', 65)),
    ('exchange.markets', 'title', 'markets_title_not_blank', ''),
    ('exchange.markets', 'title', 'markets_title_not_blank', '   '),
    ('exchange.markets', 'title', 'markets_title_length', repeat('x', 1001)),
    ('exchange.markets', 'open_time', 'markets_open_time_plausible', 'infinity'),
    ('exchange.markets', 'open_time', 'markets_open_time_plausible', ('2018-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('exchange.markets', 'open_time', 'markets_open_time_plausible', '2100-01-01'),
    ('exchange.markets', 'open_time', 'markets_open_time_plausible', '-infinity'),
    ('exchange.markets', 'close_time', 'markets_close_time_plausible', 'infinity'),
    ('exchange.markets', 'close_time', 'markets_close_time_plausible', ('2018-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('exchange.markets', 'close_time', 'markets_close_time_plausible', '2100-01-01'),
    ('exchange.markets', 'close_time', 'markets_close_time_plausible', '-infinity'),
    ('exchange.markets', 'expiration_time', 'markets_expiration_time_plausible', 'infinity'),
    ('exchange.markets', 'expiration_time', 'markets_expiration_time_plausible', ('2018-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('exchange.markets', 'expiration_time', 'markets_expiration_time_plausible', '2100-01-01'),
    ('exchange.markets', 'expiration_time', 'markets_expiration_time_plausible', '-infinity'),
    ('exchange.trades', 'trade_id', 'trades_trade_id_not_blank', ''),
    ('exchange.trades', 'trade_id', 'trades_trade_id_not_blank', '   '),
    ('exchange.trades', 'trade_id', 'trades_trade_id_length', repeat('x', 129)),
    ('exchange.trades', 'ticker', 'trades_ticker_not_blank', ''),
    ('exchange.trades', 'ticker', 'trades_ticker_not_blank', '   '),
    ('exchange.trades', 'ticker', 'trades_ticker_length', repeat('x', 65)),
    ('exchange.orderbook_deltas', 'ticker', 'orderbook_deltas_ticker_not_blank', ''),
    ('exchange.orderbook_deltas', 'ticker', 'orderbook_deltas_ticker_not_blank', '   '),
    ('exchange.orderbook_deltas', 'ticker', 'orderbook_deltas_ticker_length', repeat('x', 65)),
    ('exchange.market_snapshots', 'ticker', 'market_snapshots_ticker_not_blank', ''),
    ('exchange.market_snapshots', 'ticker', 'market_snapshots_ticker_not_blank', '   '),
    ('exchange.market_snapshots', 'ticker', 'market_snapshots_ticker_length', repeat('x', 65)),
    ('exchange.settlements', 'ticker', 'settlements_ticker_not_blank', ''),
    ('exchange.settlements', 'ticker', 'settlements_ticker_not_blank', '   '),
    ('exchange.settlements', 'ticker', 'settlements_ticker_length', repeat('x', 65)),
    ('exchange.settlements', 'event_ticker', 'settlements_event_ticker_not_blank', ''),
    ('exchange.settlements', 'event_ticker', 'settlements_event_ticker_not_blank', '   '),
    ('exchange.settlements', 'event_ticker', 'settlements_event_ticker_length', repeat('x', 65)),
    ('exchange.settlements', 'series_ticker', 'settlements_series_ticker_not_blank', ''),
    ('exchange.settlements', 'series_ticker', 'settlements_series_ticker_not_blank', '   '),
    ('exchange.settlements', 'series_ticker', 'settlements_series_ticker_length', repeat('x', 65)),
    ('exchange.settlements', 'settled_at', 'settlements_settled_at_plausible', 'infinity'),
    ('exchange.settlements', 'settled_at', 'settlements_settled_at_plausible', ('2018-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('exchange.settlements', 'settled_at', 'settlements_settled_at_plausible', '2100-01-01'),
    ('exchange.settlements', 'settled_at', 'settlements_settled_at_plausible', '-infinity'),
    ('onchain.markets', 'token_id', 'markets_token_id_length', repeat('x', 129)),
    ('onchain.markets', 'condition_id', 'markets_condition_id_not_blank', ''),
    ('onchain.markets', 'condition_id', 'markets_condition_id_not_blank', '   '),
    ('onchain.markets', 'condition_id', 'markets_condition_id_length', repeat('x', 129)),
    ('onchain.markets', 'question', 'markets_question_length', repeat('x', 1001)),
    ('onchain.markets', 'outcome', 'markets_outcome_not_blank', ''),
    ('onchain.markets', 'outcome', 'markets_outcome_not_blank', '   '),
    ('onchain.markets', 'outcome', 'markets_outcome_length', repeat('x', 1001)),
    ('onchain.markets', 'market_slug', 'markets_market_slug_not_blank', ''),
    ('onchain.markets', 'market_slug', 'markets_market_slug_not_blank', '   '),
    ('onchain.markets', 'market_slug', 'markets_market_slug_length', repeat('x', 1001)),
    ('onchain.markets', 'end_date', 'markets_end_date_plausible', 'infinity'),
    ('onchain.markets', 'end_date', 'markets_end_date_plausible', ('2020-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('onchain.markets', 'end_date', 'markets_end_date_plausible', '2100-01-01'),
    ('onchain.markets', 'end_date', 'markets_end_date_plausible', '-infinity'),
    ('onchain.resolutions', 'source', 'resolutions_source_not_blank', ''),
    ('onchain.resolutions', 'source', 'resolutions_source_not_blank', '   '),
    ('onchain.resolutions', 'source', 'resolutions_source_length', repeat('x', 129)),
    ('onchain.resolutions', 'resolved_at', 'resolutions_resolved_at_plausible', 'infinity'),
    ('onchain.resolutions', 'resolved_at', 'resolutions_resolved_at_plausible', ('2020-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('onchain.resolutions', 'resolved_at', 'resolutions_resolved_at_plausible', '2100-01-01'),
    ('onchain.resolutions', 'resolved_at', 'resolutions_resolved_at_plausible', '-infinity'),
    ('onchain.price_snapshots', 'token_id', 'price_snapshots_token_id_not_blank', ''),
    ('onchain.price_snapshots', 'token_id', 'price_snapshots_token_id_not_blank', '   '),
    ('onchain.price_snapshots', 'token_id', 'price_snapshots_token_id_length', repeat('x', 129)),
    ('onchain.price_snapshots', 'ts', 'price_snapshots_ts_plausible', 'infinity'),
    ('onchain.price_snapshots', 'ts', 'price_snapshots_ts_plausible', ('2020-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('onchain.price_snapshots', 'ts', 'price_snapshots_ts_plausible', '2100-01-01'),
    ('onchain.orderbook_snapshots', 'token_id', 'orderbook_snapshots_token_id_not_blank', ''),
    ('onchain.orderbook_snapshots', 'token_id', 'orderbook_snapshots_token_id_not_blank', '   '),
    ('onchain.orderbook_snapshots', 'token_id', 'orderbook_snapshots_token_id_length', repeat('x', 129)),
    ('onchain.orderbook_snapshots', 'ts', 'orderbook_snapshots_ts_plausible', 'infinity'),
    ('onchain.orderbook_snapshots', 'ts', 'orderbook_snapshots_ts_plausible', ('2020-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('onchain.orderbook_snapshots', 'ts', 'orderbook_snapshots_ts_plausible', '2100-01-01'),
    ('onchain.trades', 'trade_id', 'trades_trade_id_not_blank', ''),
    ('onchain.trades', 'trade_id', 'trades_trade_id_not_blank', '   '),
    ('onchain.trades', 'trade_id', 'trades_trade_id_length', repeat('x', 129)),
    ('onchain.trades', 'token_id', 'trades_token_id_not_blank', ''),
    ('onchain.trades', 'token_id', 'trades_token_id_not_blank', '   '),
    ('onchain.trades', 'token_id', 'trades_token_id_length', repeat('x', 129)),
    ('onchain.trades', 'ts', 'trades_ts_plausible', 'infinity'),
    ('onchain.trades', 'ts', 'trades_ts_plausible', ('2020-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('onchain.trades', 'ts', 'trades_ts_plausible', '2100-01-01'),
    ('onchain.trades', 'size', 'trades_size_finite', 'NaN'),
    ('crypto.candles_1m', 'symbol', 'candles_1m_symbol_not_blank', ''),
    ('crypto.candles_1m', 'symbol', 'candles_1m_symbol_not_blank', '   '),
    ('crypto.candles_1m', 'symbol', 'candles_1m_symbol_length', repeat('x', 65)),
    ('crypto.candles_1m', 'bucket_start', 'candles_1m_bucket_start_plausible', 'infinity'),
    ('crypto.candles_1m', 'bucket_start', 'candles_1m_bucket_start_plausible', ('2009-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('crypto.candles_1m', 'bucket_start', 'candles_1m_bucket_start_plausible', '2100-01-01'),
    ('crypto.candles_1m', 'open', 'candles_1m_open_finite', 'NaN'),
    ('crypto.candles_1m', 'open', 'candles_1m_open_finite', 'Infinity'),
    ('crypto.candles_1m', 'open', 'candles_1m_open_finite', '-Infinity'),
    ('crypto.candles_1m', 'high', 'candles_1m_high_finite', 'NaN'),
    ('crypto.candles_1m', 'high', 'candles_1m_high_finite', 'Infinity'),
    ('crypto.candles_1m', 'high', 'candles_1m_high_finite', '-Infinity'),
    ('crypto.candles_1m', 'low', 'candles_1m_low_finite', 'NaN'),
    ('crypto.candles_1m', 'low', 'candles_1m_low_finite', 'Infinity'),
    ('crypto.candles_1m', 'low', 'candles_1m_low_finite', '-Infinity'),
    ('crypto.candles_1m', 'close', 'candles_1m_close_finite', 'NaN'),
    ('crypto.candles_1m', 'close', 'candles_1m_close_finite', 'Infinity'),
    ('crypto.candles_1m', 'close', 'candles_1m_close_finite', '-Infinity'),
    ('crypto.candles_1m', 'volume', 'candles_1m_volume_finite', 'NaN'),
    ('crypto.candles_1m', 'volume', 'candles_1m_volume_finite', 'Infinity'),
    ('crypto.candles_1m', 'volume', 'candles_1m_volume_finite', '-Infinity'),
    ('crypto.candles_1m', 'quote_volume', 'candles_1m_quote_volume_finite', 'NaN'),
    ('crypto.candles_1m', 'quote_volume', 'candles_1m_quote_volume_finite', 'Infinity'),
    ('crypto.candles_1m', 'quote_volume', 'candles_1m_quote_volume_finite', '-Infinity'),
    ('crypto.candles_1m', 'taker_buy_volume', 'candles_1m_taker_buy_volume_finite', 'NaN'),
    ('crypto.candles_1m', 'taker_buy_volume', 'candles_1m_taker_buy_volume_finite', 'Infinity'),
    ('crypto.candles_1m', 'taker_buy_volume', 'candles_1m_taker_buy_volume_finite', '-Infinity'),
    ('crypto.candles_1m', 'taker_buy_quote_volume', 'candles_1m_taker_buy_quote_volume_finite', 'NaN'),
    ('crypto.candles_1m', 'taker_buy_quote_volume', 'candles_1m_taker_buy_quote_volume_finite', 'Infinity'),
    ('crypto.candles_1m', 'taker_buy_quote_volume', 'candles_1m_taker_buy_quote_volume_finite', '-Infinity'),
    ('crypto.trades', 'symbol', 'trades_symbol_not_blank', ''),
    ('crypto.trades', 'symbol', 'trades_symbol_not_blank', '   '),
    ('crypto.trades', 'symbol', 'trades_symbol_length', repeat('x', 65)),
    ('crypto.trades', 'trade_id', 'trades_trade_id_not_blank', ''),
    ('crypto.trades', 'trade_id', 'trades_trade_id_not_blank', '   '),
    ('crypto.trades', 'trade_id', 'trades_trade_id_length', repeat('x', 129)),
    ('crypto.trades', 'trade_ts', 'trades_trade_ts_plausible', 'infinity'),
    ('crypto.trades', 'trade_ts', 'trades_trade_ts_plausible', ('2009-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('crypto.trades', 'trade_ts', 'trades_trade_ts_plausible', '2100-01-01'),
    ('crypto.trades', 'price', 'trades_price_finite', 'NaN'),
    ('crypto.trades', 'price', 'trades_price_finite', 'Infinity'),
    ('crypto.trades', 'price', 'trades_price_finite', '-Infinity'),
    ('crypto.trades', 'quantity', 'trades_quantity_finite', 'NaN'),
    ('crypto.trades', 'quantity', 'trades_quantity_finite', 'Infinity'),
    ('crypto.trades', 'quantity', 'trades_quantity_finite', '-Infinity'),
    ('crypto.oi_snapshots', 'symbol', 'oi_snapshots_symbol_not_blank', ''),
    ('crypto.oi_snapshots', 'symbol', 'oi_snapshots_symbol_not_blank', '   '),
    ('crypto.oi_snapshots', 'symbol', 'oi_snapshots_symbol_length', repeat('x', 65)),
    ('crypto.oi_snapshots', 'snapshot_ts', 'oi_snapshots_snapshot_ts_plausible', 'infinity'),
    ('crypto.oi_snapshots', 'snapshot_ts', 'oi_snapshots_snapshot_ts_plausible', ('2009-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('crypto.oi_snapshots', 'snapshot_ts', 'oi_snapshots_snapshot_ts_plausible', '2100-01-01'),
    ('crypto.oi_snapshots', 'open_interest', 'oi_snapshots_open_interest_finite', 'NaN'),
    ('crypto.oi_snapshots', 'open_interest', 'oi_snapshots_open_interest_finite', 'Infinity'),
    ('crypto.oi_snapshots', 'open_interest', 'oi_snapshots_open_interest_finite', '-Infinity'),
    ('crypto.oi_snapshots', 'open_interest_usd', 'oi_snapshots_open_interest_usd_finite', 'NaN'),
    ('crypto.oi_snapshots', 'open_interest_usd', 'oi_snapshots_open_interest_usd_finite', 'Infinity'),
    ('crypto.oi_snapshots', 'open_interest_usd', 'oi_snapshots_open_interest_usd_finite', '-Infinity'),
    ('crypto.oi_snapshots', 'open_interest_bps', 'oi_snapshots_open_interest_bps_finite', 'NaN'),
    ('crypto.oi_snapshots', 'open_interest_bps', 'oi_snapshots_open_interest_bps_finite', 'Infinity'),
    ('crypto.oi_snapshots', 'open_interest_bps', 'oi_snapshots_open_interest_bps_finite', '-Infinity'),
    ('crypto.funding', 'symbol', 'funding_symbol_not_blank', ''),
    ('crypto.funding', 'symbol', 'funding_symbol_not_blank', '   '),
    ('crypto.funding', 'symbol', 'funding_symbol_length', repeat('x', 65)),
    ('crypto.funding', 'funding_ts', 'funding_funding_ts_plausible', 'infinity'),
    ('crypto.funding', 'funding_ts', 'funding_funding_ts_plausible', ('2009-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('crypto.funding', 'funding_ts', 'funding_funding_ts_plausible', '2100-01-01'),
    ('crypto.funding', 'funding_rate', 'funding_funding_rate_finite', 'NaN'),
    ('crypto.funding', 'funding_rate', 'funding_funding_rate_finite', 'Infinity'),
    ('crypto.funding', 'funding_rate', 'funding_funding_rate_finite', '-Infinity'),
    ('crypto.funding', 'rate_annualized', 'funding_rate_annualized_finite', 'NaN'),
    ('crypto.funding', 'rate_annualized', 'funding_rate_annualized_finite', 'Infinity'),
    ('crypto.funding', 'rate_annualized', 'funding_rate_annualized_finite', '-Infinity'),
    ('crypto.funding', 'payment', 'funding_payment_finite', 'NaN'),
    ('crypto.funding', 'payment', 'funding_payment_finite', 'Infinity'),
    ('crypto.funding', 'payment', 'funding_payment_finite', '-Infinity'),
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
    ('macro.signals', 'value', 'signals_value_finite', '-Infinity'),
    ('equities.assets', 'symbol', 'assets_symbol_length', repeat('A', 30) || '.US'),
    ('equities.assets', 'exchange', 'assets_exchange_not_blank', ''),
    ('equities.assets', 'exchange', 'assets_exchange_not_blank', '   '),
    ('equities.assets', 'exchange', 'assets_exchange_length', repeat('x', 65)),
    ('equities.assets', 'last_synced', 'assets_last_synced_plausible', 'infinity'),
    ('equities.assets', 'last_synced', 'assets_last_synced_plausible', ('2000-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('equities.assets', 'last_synced', 'assets_last_synced_plausible', '2100-01-01'),
    ('equities.assets', 'last_synced', 'assets_last_synced_plausible', '-infinity'),
    ('equities.assets', 'sync_claimed_until', 'assets_sync_claimed_until_plausible', 'infinity'),
    ('equities.assets', 'sync_claimed_until', 'assets_sync_claimed_until_plausible', ('2000-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('equities.assets', 'sync_claimed_until', 'assets_sync_claimed_until_plausible', '2100-01-01'),
    ('equities.assets', 'sync_claimed_until', 'assets_sync_claimed_until_plausible', '-infinity'),
    ('equities.market_data', 'time', 'market_data_time_plausible', 'infinity'),
    ('equities.market_data', 'time', 'market_data_time_plausible', ('1900-01-01 00:00+00'::timestamptz - interval '1 day')::text),
    ('equities.market_data', 'time', 'market_data_time_plausible', '2100-01-01'),
    ('equities.market_data', 'open', 'market_data_open_finite', 'NaN'),
    ('equities.market_data', 'high', 'market_data_high_finite', 'NaN'),
    ('equities.market_data', 'low', 'market_data_low_finite', 'NaN'),
    ('equities.market_data', 'close', 'market_data_close_finite', 'NaN'),
    ('equities.market_data', 'adjusted_close', 'market_data_adjusted_close_finite', 'NaN'),
    ('equities.corporate_actions', 'date', 'corporate_actions_date_plausible', 'infinity'),
    ('equities.corporate_actions', 'date', 'corporate_actions_date_plausible', ('1900-01-01'::date - 1)::text),
    ('equities.corporate_actions', 'date', 'corporate_actions_date_plausible', '2100-01-01'),
    ('equities.corporate_actions', 'date', 'corporate_actions_date_plausible', '-infinity'),
    ('equities.corporate_actions', 'value', 'corporate_actions_value_finite', 'NaN');

CREATE TEMP TABLE outcome AS
SELECT b.tbl, b.col, b.rule, b.val, pg_temp.try_insert(b.tbl, g.row || jsonb_build_object(b.col, b.val)) AS outcome
  FROM bad AS b JOIN good AS g USING (tbl);

SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_series_ticker_length' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_series_ticker_length'::text, ARRAY[1]), 'exchange.series: series_ticker length (series_series_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_title_length' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_title_length'::text, ARRAY[1]), 'exchange.series: title length (series_title_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_category_not_blank' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_category_not_blank'::text, ARRAY[2]), 'exchange.series: category not blank (series_category_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_category_length' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_category_length'::text, ARRAY[1]), 'exchange.series: category length (series_category_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_frequency_not_blank' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_frequency_not_blank'::text, ARRAY[2]), 'exchange.series: frequency not blank (series_frequency_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'series_frequency_length' AND tbl = 'exchange.series'::regclass),
    array_fill('23514 series_frequency_length'::text, ARRAY[1]), 'exchange.series: frequency length (series_frequency_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_event_ticker_length' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_event_ticker_length'::text, ARRAY[1]), 'exchange.events: event_ticker length (events_event_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_series_ticker_not_blank' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_series_ticker_not_blank'::text, ARRAY[2]), 'exchange.events: series_ticker not blank (events_series_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_series_ticker_length' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_series_ticker_length'::text, ARRAY[1]), 'exchange.events: series_ticker length (events_series_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_title_not_blank' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_title_not_blank'::text, ARRAY[2]), 'exchange.events: title not blank (events_title_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_title_length' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_title_length'::text, ARRAY[1]), 'exchange.events: title length (events_title_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_sub_title_length' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_sub_title_length'::text, ARRAY[1]), 'exchange.events: sub_title length (events_sub_title_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_category_not_blank' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_category_not_blank'::text, ARRAY[2]), 'exchange.events: category not blank (events_category_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_category_length' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_category_length'::text, ARRAY[1]), 'exchange.events: category length (events_category_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'events_strike_date_plausible' AND tbl = 'exchange.events'::regclass),
    array_fill('23514 events_strike_date_plausible'::text, ARRAY[4]), 'exchange.events: strike_date plausible (events_strike_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_ticker_length' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_ticker_length'::text, ARRAY[1]), 'exchange.markets: ticker length (markets_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_event_ticker_not_blank' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_event_ticker_not_blank'::text, ARRAY[2]), 'exchange.markets: event_ticker not blank (markets_event_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_event_ticker_length' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_event_ticker_length'::text, ARRAY[1]), 'exchange.markets: event_ticker length (markets_event_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_series_ticker_not_blank' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_series_ticker_not_blank'::text, ARRAY[2]), 'exchange.markets: series_ticker not blank (markets_series_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_series_ticker_length' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_series_ticker_length'::text, ARRAY[1]), 'exchange.markets: series_ticker length (markets_series_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_title_not_blank' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_title_not_blank'::text, ARRAY[2]), 'exchange.markets: title not blank (markets_title_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_title_length' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_title_length'::text, ARRAY[1]), 'exchange.markets: title length (markets_title_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_open_time_plausible' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_open_time_plausible'::text, ARRAY[4]), 'exchange.markets: open_time plausible (markets_open_time_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_close_time_plausible' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_close_time_plausible'::text, ARRAY[4]), 'exchange.markets: close_time plausible (markets_close_time_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_expiration_time_plausible' AND tbl = 'exchange.markets'::regclass),
    array_fill('23514 markets_expiration_time_plausible'::text, ARRAY[4]), 'exchange.markets: expiration_time plausible (markets_expiration_time_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_not_blank' AND tbl = 'exchange.trades'::regclass),
    array_fill('23514 trades_trade_id_not_blank'::text, ARRAY[2]), 'exchange.trades: trade_id not blank (trades_trade_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_length' AND tbl = 'exchange.trades'::regclass),
    array_fill('23514 trades_trade_id_length'::text, ARRAY[1]), 'exchange.trades: trade_id length (trades_trade_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_ticker_not_blank' AND tbl = 'exchange.trades'::regclass),
    array_fill('23514 trades_ticker_not_blank'::text, ARRAY[2]), 'exchange.trades: ticker not blank (trades_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_ticker_length' AND tbl = 'exchange.trades'::regclass),
    array_fill('23514 trades_ticker_length'::text, ARRAY[1]), 'exchange.trades: ticker length (trades_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'orderbook_deltas_ticker_not_blank' AND tbl = 'exchange.orderbook_deltas'::regclass),
    array_fill('23514 orderbook_deltas_ticker_not_blank'::text, ARRAY[2]), 'exchange.orderbook_deltas: ticker not blank (orderbook_deltas_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'orderbook_deltas_ticker_length' AND tbl = 'exchange.orderbook_deltas'::regclass),
    array_fill('23514 orderbook_deltas_ticker_length'::text, ARRAY[1]), 'exchange.orderbook_deltas: ticker length (orderbook_deltas_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'market_snapshots_ticker_not_blank' AND tbl = 'exchange.market_snapshots'::regclass),
    array_fill('23514 market_snapshots_ticker_not_blank'::text, ARRAY[2]), 'exchange.market_snapshots: ticker not blank (market_snapshots_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'market_snapshots_ticker_length' AND tbl = 'exchange.market_snapshots'::regclass),
    array_fill('23514 market_snapshots_ticker_length'::text, ARRAY[1]), 'exchange.market_snapshots: ticker length (market_snapshots_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_ticker_not_blank' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_ticker_not_blank'::text, ARRAY[2]), 'exchange.settlements: ticker not blank (settlements_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_ticker_length' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_ticker_length'::text, ARRAY[1]), 'exchange.settlements: ticker length (settlements_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_event_ticker_not_blank' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_event_ticker_not_blank'::text, ARRAY[2]), 'exchange.settlements: event_ticker not blank (settlements_event_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_event_ticker_length' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_event_ticker_length'::text, ARRAY[1]), 'exchange.settlements: event_ticker length (settlements_event_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_series_ticker_not_blank' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_series_ticker_not_blank'::text, ARRAY[2]), 'exchange.settlements: series_ticker not blank (settlements_series_ticker_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_series_ticker_length' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_series_ticker_length'::text, ARRAY[1]), 'exchange.settlements: series_ticker length (settlements_series_ticker_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'settlements_settled_at_plausible' AND tbl = 'exchange.settlements'::regclass),
    array_fill('23514 settlements_settled_at_plausible'::text, ARRAY[4]), 'exchange.settlements: settled_at plausible (settlements_settled_at_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_token_id_length' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_token_id_length'::text, ARRAY[1]), 'onchain.markets: token_id length (markets_token_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_condition_id_not_blank' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_condition_id_not_blank'::text, ARRAY[2]), 'onchain.markets: condition_id not blank (markets_condition_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_condition_id_length' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_condition_id_length'::text, ARRAY[1]), 'onchain.markets: condition_id length (markets_condition_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_question_length' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_question_length'::text, ARRAY[1]), 'onchain.markets: question length (markets_question_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_outcome_not_blank' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_outcome_not_blank'::text, ARRAY[2]), 'onchain.markets: outcome not blank (markets_outcome_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_outcome_length' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_outcome_length'::text, ARRAY[1]), 'onchain.markets: outcome length (markets_outcome_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_market_slug_not_blank' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_market_slug_not_blank'::text, ARRAY[2]), 'onchain.markets: market_slug not blank (markets_market_slug_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_market_slug_length' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_market_slug_length'::text, ARRAY[1]), 'onchain.markets: market_slug length (markets_market_slug_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'markets_end_date_plausible' AND tbl = 'onchain.markets'::regclass),
    array_fill('23514 markets_end_date_plausible'::text, ARRAY[4]), 'onchain.markets: end_date plausible (markets_end_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'resolutions_source_not_blank' AND tbl = 'onchain.resolutions'::regclass),
    array_fill('23514 resolutions_source_not_blank'::text, ARRAY[2]), 'onchain.resolutions: source not blank (resolutions_source_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'resolutions_source_length' AND tbl = 'onchain.resolutions'::regclass),
    array_fill('23514 resolutions_source_length'::text, ARRAY[1]), 'onchain.resolutions: source length (resolutions_source_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'resolutions_resolved_at_plausible' AND tbl = 'onchain.resolutions'::regclass),
    array_fill('23514 resolutions_resolved_at_plausible'::text, ARRAY[4]), 'onchain.resolutions: resolved_at plausible (resolutions_resolved_at_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'price_snapshots_token_id_not_blank' AND tbl = 'onchain.price_snapshots'::regclass),
    array_fill('23514 price_snapshots_token_id_not_blank'::text, ARRAY[2]), 'onchain.price_snapshots: token_id not blank (price_snapshots_token_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'price_snapshots_token_id_length' AND tbl = 'onchain.price_snapshots'::regclass),
    array_fill('23514 price_snapshots_token_id_length'::text, ARRAY[1]), 'onchain.price_snapshots: token_id length (price_snapshots_token_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'price_snapshots_ts_plausible' AND tbl = 'onchain.price_snapshots'::regclass),
    array_fill('23514 price_snapshots_ts_plausible'::text, ARRAY[3]), 'onchain.price_snapshots: ts plausible (price_snapshots_ts_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'orderbook_snapshots_token_id_not_blank' AND tbl = 'onchain.orderbook_snapshots'::regclass),
    array_fill('23514 orderbook_snapshots_token_id_not_blank'::text, ARRAY[2]), 'onchain.orderbook_snapshots: token_id not blank (orderbook_snapshots_token_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'orderbook_snapshots_token_id_length' AND tbl = 'onchain.orderbook_snapshots'::regclass),
    array_fill('23514 orderbook_snapshots_token_id_length'::text, ARRAY[1]), 'onchain.orderbook_snapshots: token_id length (orderbook_snapshots_token_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'orderbook_snapshots_ts_plausible' AND tbl = 'onchain.orderbook_snapshots'::regclass),
    array_fill('23514 orderbook_snapshots_ts_plausible'::text, ARRAY[3]), 'onchain.orderbook_snapshots: ts plausible (orderbook_snapshots_ts_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_not_blank' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_trade_id_not_blank'::text, ARRAY[2]), 'onchain.trades: trade_id not blank (trades_trade_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_length' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_trade_id_length'::text, ARRAY[1]), 'onchain.trades: trade_id length (trades_trade_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_token_id_not_blank' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_token_id_not_blank'::text, ARRAY[2]), 'onchain.trades: token_id not blank (trades_token_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_token_id_length' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_token_id_length'::text, ARRAY[1]), 'onchain.trades: token_id length (trades_token_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_ts_plausible' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_ts_plausible'::text, ARRAY[3]), 'onchain.trades: ts plausible (trades_ts_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_size_finite' AND tbl = 'onchain.trades'::regclass),
    array_fill('23514 trades_size_finite'::text, ARRAY[1]), 'onchain.trades: size finite (trades_size_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'candles_1m_symbol_not_blank' AND tbl = 'crypto.candles_1m'::regclass),
    array_fill('23514 candles_1m_symbol_not_blank'::text, ARRAY[2]), 'crypto.candles_1m: symbol not blank (candles_1m_symbol_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'candles_1m_symbol_length' AND tbl = 'crypto.candles_1m'::regclass),
    array_fill('23514 candles_1m_symbol_length'::text, ARRAY[1]), 'crypto.candles_1m: symbol length (candles_1m_symbol_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'candles_1m_bucket_start_plausible' AND tbl = 'crypto.candles_1m'::regclass),
    array_fill('23514 candles_1m_bucket_start_plausible'::text, ARRAY[3]), 'crypto.candles_1m: bucket_start plausible (candles_1m_bucket_start_plausible)');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'open') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_open_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: open finite, by candles_1m_open_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'high') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_high_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: high finite, by candles_1m_high_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'low') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_low_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: low finite, by candles_1m_low_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'close') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_close_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: close finite, by candles_1m_close_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'volume') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_volume_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: volume finite, by candles_1m_volume_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'quote_volume') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_quote_volume_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: quote_volume finite, by candles_1m_quote_volume_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'taker_buy_volume') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_taker_buy_volume_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: taker_buy_volume finite, by candles_1m_taker_buy_volume_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.candles_1m'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'taker_buy_quote_volume') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'candles_1m_taker_buy_quote_volume_finite' AND tbl = 'crypto.candles_1m'::regclass),
    '3 of 3', 'crypto.candles_1m: taker_buy_quote_volume finite, by candles_1m_taker_buy_quote_volume_finite or a rule tying it to the other columns');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_symbol_not_blank' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_symbol_not_blank'::text, ARRAY[2]), 'crypto.trades: symbol not blank (trades_symbol_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_symbol_length' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_symbol_length'::text, ARRAY[1]), 'crypto.trades: symbol length (trades_symbol_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_not_blank' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_trade_id_not_blank'::text, ARRAY[2]), 'crypto.trades: trade_id not blank (trades_trade_id_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_id_length' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_trade_id_length'::text, ARRAY[1]), 'crypto.trades: trade_id length (trades_trade_id_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_trade_ts_plausible' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_trade_ts_plausible'::text, ARRAY[3]), 'crypto.trades: trade_ts plausible (trades_trade_ts_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_price_finite' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_price_finite'::text, ARRAY[3]), 'crypto.trades: price finite (trades_price_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'trades_quantity_finite' AND tbl = 'crypto.trades'::regclass),
    array_fill('23514 trades_quantity_finite'::text, ARRAY[3]), 'crypto.trades: quantity finite (trades_quantity_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'oi_snapshots_symbol_not_blank' AND tbl = 'crypto.oi_snapshots'::regclass),
    array_fill('23514 oi_snapshots_symbol_not_blank'::text, ARRAY[2]), 'crypto.oi_snapshots: symbol not blank (oi_snapshots_symbol_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'oi_snapshots_symbol_length' AND tbl = 'crypto.oi_snapshots'::regclass),
    array_fill('23514 oi_snapshots_symbol_length'::text, ARRAY[1]), 'crypto.oi_snapshots: symbol length (oi_snapshots_symbol_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'oi_snapshots_snapshot_ts_plausible' AND tbl = 'crypto.oi_snapshots'::regclass),
    array_fill('23514 oi_snapshots_snapshot_ts_plausible'::text, ARRAY[3]), 'crypto.oi_snapshots: snapshot_ts plausible (oi_snapshots_snapshot_ts_plausible)');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.oi_snapshots'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'open_interest') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'oi_snapshots_open_interest_finite' AND tbl = 'crypto.oi_snapshots'::regclass),
    '3 of 3', 'crypto.oi_snapshots: open_interest finite, by oi_snapshots_open_interest_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'crypto.oi_snapshots'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'open_interest_usd') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'oi_snapshots_open_interest_usd_finite' AND tbl = 'crypto.oi_snapshots'::regclass),
    '3 of 3', 'crypto.oi_snapshots: open_interest_usd finite, by oi_snapshots_open_interest_usd_finite or a rule tying it to the other columns');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'oi_snapshots_open_interest_bps_finite' AND tbl = 'crypto.oi_snapshots'::regclass),
    array_fill('23514 oi_snapshots_open_interest_bps_finite'::text, ARRAY[3]), 'crypto.oi_snapshots: open_interest_bps finite (oi_snapshots_open_interest_bps_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_symbol_not_blank' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_symbol_not_blank'::text, ARRAY[2]), 'crypto.funding: symbol not blank (funding_symbol_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_symbol_length' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_symbol_length'::text, ARRAY[1]), 'crypto.funding: symbol length (funding_symbol_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_funding_ts_plausible' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_funding_ts_plausible'::text, ARRAY[3]), 'crypto.funding: funding_ts plausible (funding_funding_ts_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_funding_rate_finite' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_funding_rate_finite'::text, ARRAY[3]), 'crypto.funding: funding_rate finite (funding_funding_rate_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_rate_annualized_finite' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_rate_annualized_finite'::text, ARRAY[3]), 'crypto.funding: rate_annualized finite (funding_rate_annualized_finite)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'funding_payment_finite' AND tbl = 'crypto.funding'::regclass),
    array_fill('23514 funding_payment_finite'::text, ARRAY[3]), 'crypto.funding: payment finite (funding_payment_finite)');
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
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'assets_symbol_length' AND tbl = 'equities.assets'::regclass),
    array_fill('23514 assets_symbol_length'::text, ARRAY[1]), 'equities.assets: symbol length (assets_symbol_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'assets_exchange_not_blank' AND tbl = 'equities.assets'::regclass),
    array_fill('23514 assets_exchange_not_blank'::text, ARRAY[2]), 'equities.assets: exchange not blank (assets_exchange_not_blank)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'assets_exchange_length' AND tbl = 'equities.assets'::regclass),
    array_fill('23514 assets_exchange_length'::text, ARRAY[1]), 'equities.assets: exchange length (assets_exchange_length)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'assets_last_synced_plausible' AND tbl = 'equities.assets'::regclass),
    array_fill('23514 assets_last_synced_plausible'::text, ARRAY[4]), 'equities.assets: last_synced plausible (assets_last_synced_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'assets_sync_claimed_until_plausible' AND tbl = 'equities.assets'::regclass),
    array_fill('23514 assets_sync_claimed_until_plausible'::text, ARRAY[4]), 'equities.assets: sync_claimed_until plausible (assets_sync_claimed_until_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'market_data_time_plausible' AND tbl = 'equities.market_data'::regclass),
    array_fill('23514 market_data_time_plausible'::text, ARRAY[3]), 'equities.market_data: time plausible (market_data_time_plausible)');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'equities.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'open') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_open_finite' AND tbl = 'equities.market_data'::regclass),
    '1 of 1', 'equities.market_data: open finite, by market_data_open_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'equities.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'high') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_high_finite' AND tbl = 'equities.market_data'::regclass),
    '1 of 1', 'equities.market_data: high finite, by market_data_high_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'equities.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'low') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_low_finite' AND tbl = 'equities.market_data'::regclass),
    '1 of 1', 'equities.market_data: low finite, by market_data_low_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'equities.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'close') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_close_finite' AND tbl = 'equities.market_data'::regclass),
    '1 of 1', 'equities.market_data: close finite, by market_data_close_finite or a rule tying it to the other columns');
SELECT is((SELECT count(*) FILTER (WHERE outcome IN (SELECT '23514 ' || conname FROM pg_constraint WHERE conrelid = 'equities.market_data'::regclass AND contype = 'c'
                                                      AND (SELECT attnum FROM pg_attribute WHERE attrelid = conrelid AND attname = 'adjusted_close') = ANY (conkey)))
                   || ' of ' || count(*) FROM outcome WHERE rule = 'market_data_adjusted_close_finite' AND tbl = 'equities.market_data'::regclass),
    '1 of 1', 'equities.market_data: adjusted_close finite, by market_data_adjusted_close_finite or a rule tying it to the other columns');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'corporate_actions_date_plausible' AND tbl = 'equities.corporate_actions'::regclass),
    array_fill('23514 corporate_actions_date_plausible'::text, ARRAY[4]), 'equities.corporate_actions: date plausible (corporate_actions_date_plausible)');
SELECT is((SELECT array_agg(outcome ORDER BY val) FROM outcome WHERE rule = 'corporate_actions_value_finite' AND tbl = 'equities.corporate_actions'::regclass),
    array_fill('23514 corporate_actions_value_finite'::text, ARRAY[1]), 'equities.corporate_actions: value finite (corporate_actions_value_finite)');

-- Nothing stored before was lost or changed.
SELECT is(pg_temp.stored('exchange.series', (SELECT row FROM good WHERE tbl = 'exchange.series'::regclass)), 1::bigint, 'exchange.series: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.events', (SELECT row FROM good WHERE tbl = 'exchange.events'::regclass)), 1::bigint, 'exchange.events: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.markets', (SELECT row FROM good WHERE tbl = 'exchange.markets'::regclass)), 1::bigint, 'exchange.markets: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.trades', (SELECT row FROM good WHERE tbl = 'exchange.trades'::regclass)), 1::bigint, 'exchange.trades: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.orderbook_deltas', (SELECT row FROM good WHERE tbl = 'exchange.orderbook_deltas'::regclass)), 1::bigint, 'exchange.orderbook_deltas: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.market_snapshots', (SELECT row FROM good WHERE tbl = 'exchange.market_snapshots'::regclass)), 1::bigint, 'exchange.market_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.settlements', (SELECT row FROM good WHERE tbl = 'exchange.settlements'::regclass)), 1::bigint, 'exchange.settlements: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.markets', (SELECT row FROM good WHERE tbl = 'onchain.markets'::regclass)), 1::bigint, 'onchain.markets: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.resolutions', (SELECT row FROM good WHERE tbl = 'onchain.resolutions'::regclass)), 1::bigint, 'onchain.resolutions: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.price_snapshots', (SELECT row FROM good WHERE tbl = 'onchain.price_snapshots'::regclass)), 1::bigint, 'onchain.price_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.orderbook_snapshots', (SELECT row FROM good WHERE tbl = 'onchain.orderbook_snapshots'::regclass)), 1::bigint, 'onchain.orderbook_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.trades', (SELECT row FROM good WHERE tbl = 'onchain.trades'::regclass)), 1::bigint, 'onchain.trades: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)), 1::bigint, 'crypto.candles_1m: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.trades', (SELECT row FROM good WHERE tbl = 'crypto.trades'::regclass)), 1::bigint, 'crypto.trades: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.oi_snapshots', (SELECT row FROM good WHERE tbl = 'crypto.oi_snapshots'::regclass)), 1::bigint, 'crypto.oi_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.funding', (SELECT row FROM good WHERE tbl = 'crypto.funding'::regclass)), 1::bigint, 'crypto.funding: the row stored before is intact');
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
SELECT is(pg_temp.stored('equities.assets', (SELECT row FROM good WHERE tbl = 'equities.assets'::regclass)), 1::bigint, 'equities.assets: the row stored before is intact');
SELECT is(pg_temp.stored('equities.market_data', (SELECT row FROM good WHERE tbl = 'equities.market_data'::regclass)), 1::bigint, 'equities.market_data: the row stored before is intact');
SELECT is(pg_temp.stored('equities.corporate_actions', (SELECT row FROM good WHERE tbl = 'equities.corporate_actions'::regclass)), 1::bigint, 'equities.corporate_actions: the row stored before is intact');

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
-- A column of fixed scale cannot hold an infinity: the type refuses it (22003) before the
-- checks run; NaN it can hold, so the *_finite and range rules catch that.
SELECT is((SELECT array_agg(DISTINCT pg_temp.try_insert(g.tbl, g.row || jsonb_build_object(d.col, v.val)))
             FROM good AS g JOIN (VALUES ('exchange.trades'::regclass, 'yes_price'), ('exchange.market_snapshots', 'yes_ask'), ('onchain.trades', 'size'),
                                         ('onchain.price_snapshots', 'price'), ('equities.market_data', 'high'), ('equities.corporate_actions', 'value')) AS d (tbl, col)
                  USING (tbl) CROSS JOIN (VALUES ('Infinity'), ('-Infinity')) AS v (val)),
    ARRAY['22003'], 'columns of fixed scale refuse infinities by their type (22003)');
SELECT is(pg_temp.try_insert('equities.market_data', (SELECT row FROM good WHERE tbl = 'equities.market_data'::regclass)
                             || '{"time": "2026-03-11 00:00+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "adjusted_close": "NaN"}'),
    '23514 market_data_adjusted_close_finite', 'an all-NaN equities bar is rejected (it passes every ordering rule: NaN equals NaN and sorts above 0)');
SELECT is(ARRAY[pg_temp.try_insert('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)
                                   || '{"bucket_start": "2026-03-10 12:01+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "volume": "NaN"}'),
                pg_temp.try_insert('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)
                                   || '{"bucket_start": "2026-03-10 12:01+00", "open": "Infinity", "high": "Infinity", "low": "Infinity", "close": "Infinity"}'),
                pg_temp.try_insert('macro.market_data', (SELECT row FROM good WHERE tbl = 'macro.market_data'::regclass)
                                   || '{"timestamp": "2026-03-11 00:00+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "volume": "NaN"}')],
    ARRAY['23514 candles_1m_close_finite', '23514 candles_1m_close_finite', '23514 market_data_close_finite'],
    'all-NaN and all-Infinity candles and macro bars are rejected by the *_finite rules');

-- Decided: a price with more decimals than its column holds is rounded half away from zero to
-- the column's scale (the market's tick), as numeric(p,s) does, not rejected; the rules see
-- the rounded values.
SELECT is(pg_temp.try_insert('exchange.trades', '{"trade_id": "rr-round", "ticker": "RR-M", "ts": "2026-03-10 12:00+00", "yes_price": 40.004, "no_price": 59.996, "count": 1, "taker_side": "yes"}'),
    'accepted', 'a trade priced 40.004 / 59.996 is accepted ...');
SELECT is((SELECT (yes_price, no_price)::text FROM exchange.trades WHERE trade_id = 'rr-round'), '(40.00,60.00)', '... and stored rounded to cents');
SELECT is(pg_temp.try_insert('exchange.trades', '{"trade_id": "rr-round-2", "ticker": "RR-M", "ts": "2026-03-10 12:00+00", "yes_price": 40.005, "no_price": 59.995, "count": 1, "taker_side": "yes"}'),
    '23514 trades_prices_sum_to_100', 'rounding to 40.01 / 60.00 no longer sums to 100: rejected by trades_prices_sum_to_100');

-- Decided: crossed books (bid above ask) are rejected; a locked book (bid = ask) is stored.
SELECT is(ARRAY[pg_temp.try_insert('exchange.market_snapshots', '{"ticker": "RR-M", "ts": "2026-03-10 12:01+00", "yes_bid": 42, "yes_ask": 41}'),
                pg_temp.try_insert('onchain.price_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:01+00", "price": 0.55, "best_bid": 0.6, "best_ask": 0.5}')],
    ARRAY['23514 market_snapshots_bid_not_above_ask', '23514 price_snapshots_bid_not_above_ask'], 'crossed books are rejected by name');
SELECT is(ARRAY[pg_temp.try_insert('exchange.market_snapshots', '{"ticker": "RR-M", "ts": "2026-03-10 12:02+00", "yes_bid": 41, "yes_ask": 41}'),
                pg_temp.try_insert('onchain.price_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:02+00", "price": 0.5, "best_bid": 0.5, "best_ask": 0.5}')],
    ARRAY['accepted', 'accepted'], 'locked books are stored');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
