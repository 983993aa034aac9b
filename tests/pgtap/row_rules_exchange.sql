-- Every row rule of exchange (exchange/row_rules) rejects its bad values, inserted as
-- marketdb_writer, naming the constraint; the row each table held before is still there.
-- Also: what no CHECK can see in columns of fixed scale (infinities, in exchange, on-chain and
-- equities columns alike), the rounding of extra decimals, and crossed books (exchange and
-- on-chain). The other domains' rules: row_rules_{onchain,crypto,macro,equities}.sql.
BEGIN;
SELECT plan(54);

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
    ('onchain.price_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5}'),
    ('onchain.trades', '{"trade_id": "rr-1", "token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5, "size": 10, "side": "buy"}'),
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
    ('exchange.settlements', 'settled_at', 'settlements_settled_at_plausible', '-infinity');

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

-- Nothing stored before was lost or changed.
SELECT is(pg_temp.stored('exchange.series', (SELECT row FROM good WHERE tbl = 'exchange.series'::regclass)), 1::bigint, 'exchange.series: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.events', (SELECT row FROM good WHERE tbl = 'exchange.events'::regclass)), 1::bigint, 'exchange.events: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.markets', (SELECT row FROM good WHERE tbl = 'exchange.markets'::regclass)), 1::bigint, 'exchange.markets: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.trades', (SELECT row FROM good WHERE tbl = 'exchange.trades'::regclass)), 1::bigint, 'exchange.trades: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.orderbook_deltas', (SELECT row FROM good WHERE tbl = 'exchange.orderbook_deltas'::regclass)), 1::bigint, 'exchange.orderbook_deltas: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.market_snapshots', (SELECT row FROM good WHERE tbl = 'exchange.market_snapshots'::regclass)), 1::bigint, 'exchange.market_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('exchange.settlements', (SELECT row FROM good WHERE tbl = 'exchange.settlements'::regclass)), 1::bigint, 'exchange.settlements: the row stored before is intact');

-- What no CHECK can see. A column of fixed scale cannot hold an infinity: the type refuses
-- it (22003) before the checks run; NaN it can hold, so the *_finite and range rules catch that.
SELECT is((SELECT array_agg(DISTINCT pg_temp.try_insert(g.tbl, g.row || jsonb_build_object(d.col, v.val)))
             FROM good AS g JOIN (VALUES ('exchange.trades'::regclass, 'yes_price'), ('exchange.market_snapshots', 'yes_ask'), ('onchain.trades', 'size'),
                                         ('onchain.price_snapshots', 'price'), ('equities.market_data', 'high'), ('equities.corporate_actions', 'value')) AS d (tbl, col)
                  USING (tbl) CROSS JOIN (VALUES ('Infinity'), ('-Infinity')) AS v (val)),
    ARRAY['22003'], 'columns of fixed scale refuse infinities by their type (22003)');

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
