-- Every row rule of on-chain (onchain/row_rules) rejects its bad values, inserted as
-- marketdb_writer, naming the constraint; the row each table held before is still there.
-- (Infinities in its columns of fixed scale and its crossed books: row_rules_exchange.sql;
-- '-infinity' in its hypertables' time dimension: row_rules_macro.sql.)
BEGIN;
SELECT plan(29);

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
    ('onchain.markets', '{"token_id": "RR-T", "condition_id": "0xrr", "question": "Will it?", "outcome": "Yes"}'),
    ('onchain.resolutions', '{"token_id": "RR-T", "outcome": "yes", "payout": 1, "resolved_at": "2026-03-11 00:00+00", "source": "uma"}'),
    ('onchain.price_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5}'),
    ('onchain.orderbook_snapshots', '{"token_id": "RR-T", "ts": "2026-03-10 12:00+00", "bids": [], "asks": []}'),
    ('onchain.trades', '{"trade_id": "rr-1", "token_id": "RR-T", "ts": "2026-03-10 12:00+00", "price": 0.5, "size": 10, "side": "buy"}');
GRANT SELECT ON good TO marketdb_writer;

SET ROLE marketdb_writer;

-- The good rows go in first (parents before children); the checks below find each stored.
CREATE TEMP TABLE first_insert AS SELECT tbl, pg_temp.try_insert(tbl, row) AS outcome FROM good ORDER BY n;

CREATE TEMP TABLE bad (tbl regclass, col text, rule text, val text);
INSERT INTO bad VALUES
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
    ('onchain.trades', 'size', 'trades_size_finite', 'NaN');

CREATE TEMP TABLE outcome AS
SELECT b.tbl, b.col, b.rule, b.val, pg_temp.try_insert(b.tbl, g.row || jsonb_build_object(b.col, b.val)) AS outcome
  FROM bad AS b JOIN good AS g USING (tbl);

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

-- Nothing stored before was lost or changed.
SELECT is(pg_temp.stored('onchain.markets', (SELECT row FROM good WHERE tbl = 'onchain.markets'::regclass)), 1::bigint, 'onchain.markets: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.resolutions', (SELECT row FROM good WHERE tbl = 'onchain.resolutions'::regclass)), 1::bigint, 'onchain.resolutions: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.price_snapshots', (SELECT row FROM good WHERE tbl = 'onchain.price_snapshots'::regclass)), 1::bigint, 'onchain.price_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.orderbook_snapshots', (SELECT row FROM good WHERE tbl = 'onchain.orderbook_snapshots'::regclass)), 1::bigint, 'onchain.orderbook_snapshots: the row stored before is intact');
SELECT is(pg_temp.stored('onchain.trades', (SELECT row FROM good WHERE tbl = 'onchain.trades'::regclass)), 1::bigint, 'onchain.trades: the row stored before is intact');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
