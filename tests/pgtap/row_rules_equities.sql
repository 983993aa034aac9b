-- Every row rule of equities (equities/row_rules) rejects its bad values, inserted as
-- marketdb_writer, naming the constraint; the row each table held before is still there.
-- Also: an all-NaN bar, which passes every ordering rule, is rejected.
-- (Infinities in its columns of fixed scale: row_rules_exchange.sql; '-infinity' in its
-- hypertable's time dimension: row_rules_macro.sql.)
BEGIN;
SELECT plan(17);

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
    ('equities.assets', '{"symbol": "RR.US", "exchange": "US", "asset_type": "Common Stock"}'),
    ('equities.market_data', '{"symbol": "RR.US", "time": "2026-03-10 00:00+00", "open": 10, "high": 11, "low": 9, "close": 10.5, "adjusted_close": 10.5, "volume": 100}'),
    ('equities.corporate_actions', '{"symbol": "RR.US", "date": "2026-03-02", "action_type": "split", "value": 2}');
GRANT SELECT ON good TO marketdb_writer;

SET ROLE marketdb_writer;

-- The good rows go in first (parents before children); the checks below find each stored.
CREATE TEMP TABLE first_insert AS SELECT tbl, pg_temp.try_insert(tbl, row) AS outcome FROM good ORDER BY n;

CREATE TEMP TABLE bad (tbl regclass, col text, rule text, val text);
INSERT INTO bad VALUES
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
SELECT is(pg_temp.stored('equities.assets', (SELECT row FROM good WHERE tbl = 'equities.assets'::regclass)), 1::bigint, 'equities.assets: the row stored before is intact');
SELECT is(pg_temp.stored('equities.market_data', (SELECT row FROM good WHERE tbl = 'equities.market_data'::regclass)), 1::bigint, 'equities.market_data: the row stored before is intact');
SELECT is(pg_temp.stored('equities.corporate_actions', (SELECT row FROM good WHERE tbl = 'equities.corporate_actions'::regclass)), 1::bigint, 'equities.corporate_actions: the row stored before is intact');

-- A column of fixed scale cannot hold an infinity (its type refuses it, 22003: see
-- row_rules_exchange.sql); NaN it can hold, so the *_finite and range rules catch that.
SELECT is(pg_temp.try_insert('equities.market_data', (SELECT row FROM good WHERE tbl = 'equities.market_data'::regclass)
                             || '{"time": "2026-03-11 00:00+00", "open": "NaN", "high": "NaN", "low": "NaN", "close": "NaN", "adjusted_close": "NaN"}'),
    '23514 market_data_adjusted_close_finite', 'an all-NaN equities bar is rejected (it passes every ordering rule: NaN equals NaN and sorts above 0)');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
