-- Every row rule of crypto (crypto/row_rules) rejects its bad values, inserted as
-- marketdb_writer, naming the constraint; the row each table held before is still there.
-- Also: all-NaN and all-Infinity candles (and macro bars) rejected by the *_finite rules.
-- ('-infinity' in its hypertables' time dimension: row_rules_macro.sql.)
BEGIN;
SELECT plan(35);

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
    ('crypto.candles_1m', '{"symbol": "BTCUSDT", "bucket_start": "2026-03-10 12:00+00", "open": 100, "high": 110, "low": 90, "close": 105, "volume": 1}'),
    ('crypto.trades', '{"symbol": "BTCUSDT", "trade_ts": "2026-03-10 12:00+00", "trade_id": "1", "price": 100, "quantity": 1, "is_buyer_maker": true}'),
    ('crypto.oi_snapshots', '{"symbol": "BTCUSDT", "snapshot_ts": "2026-03-10 12:00+00", "open_interest": 1}'),
    ('crypto.funding', '{"symbol": "BTCUSDT", "funding_ts": "2026-03-10 08:00+00", "funding_rate": 0.0001}'),
    ('macro.instruments', '{"id": 900001, "ticker": "RR-SPX", "asset_class": "equity_index", "currency": "USD"}'),
    ('macro.market_data', '{"instrument_id": 900001, "timestamp": "2026-03-10 00:00+00", "close": 100}');
GRANT SELECT ON good TO marketdb_writer;

SET ROLE marketdb_writer;

-- The good rows go in first (parents before children); the checks below find each stored.
CREATE TEMP TABLE first_insert AS SELECT tbl, pg_temp.try_insert(tbl, row) AS outcome FROM good ORDER BY n;

CREATE TEMP TABLE bad (tbl regclass, col text, rule text, val text);
INSERT INTO bad VALUES
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
    ('crypto.funding', 'payment', 'funding_payment_finite', '-Infinity');

CREATE TEMP TABLE outcome AS
SELECT b.tbl, b.col, b.rule, b.val, pg_temp.try_insert(b.tbl, g.row || jsonb_build_object(b.col, b.val)) AS outcome
  FROM bad AS b JOIN good AS g USING (tbl);

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

-- Nothing stored before was lost or changed.
SELECT is(pg_temp.stored('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)), 1::bigint, 'crypto.candles_1m: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.trades', (SELECT row FROM good WHERE tbl = 'crypto.trades'::regclass)), 1::bigint, 'crypto.trades: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.oi_snapshots', (SELECT row FROM good WHERE tbl = 'crypto.oi_snapshots'::regclass)), 1::bigint, 'crypto.oi_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('crypto.funding', (SELECT row FROM good WHERE tbl = 'crypto.funding'::regclass)), 1::bigint, 'crypto.funding: the row stored before is intact');

-- A column of fixed scale cannot hold an infinity (its type refuses it, 22003: see
-- row_rules_exchange.sql); NaN it can hold, so the *_finite and range rules catch that.
SELECT is(ARRAY[pg_temp.try_insert('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)
                                   || '{"bucket_start": "2026-03-10 12:01+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "volume": "NaN"}'),
                pg_temp.try_insert('crypto.candles_1m', (SELECT row FROM good WHERE tbl = 'crypto.candles_1m'::regclass)
                                   || '{"bucket_start": "2026-03-10 12:01+00", "open": "Infinity", "high": "Infinity", "low": "Infinity", "close": "Infinity"}'),
                pg_temp.try_insert('macro.market_data', (SELECT row FROM good WHERE tbl = 'macro.market_data'::regclass)
                                   || '{"timestamp": "2026-03-11 00:00+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "volume": "NaN"}')],
    ARRAY['23514 candles_1m_close_finite', '23514 candles_1m_close_finite', '23514 market_data_close_finite'],
    'all-NaN and all-Infinity candles and macro bars are rejected by the *_finite rules');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
