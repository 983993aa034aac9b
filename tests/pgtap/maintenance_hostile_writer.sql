-- A writer can neither bypass the parent's rules through a partition nor wedge maintenance
-- with one row (issue 19): privileges on every relation that stores a parent's rows, one
-- row at either edge of the window, rows past the horizon, merges meeting late rows, names
-- at the registration limit, bounded sessions, parent statistics, crossed on-chain books.
-- Fixed reference times (run_policies, run_compaction: the owner's paths).
BEGIN;
\ir _helpers.psql
SELECT plan(37);

CREATE FUNCTION pg_temp.compact(p_table text, p_reference timestamptz) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    v_step text[];
    v_all  text[] := '{}';
BEGIN
    FOR i IN 1 .. 40 LOOP
        v_step := ARRAY(SELECT concat_ws(' ', action, partition_name, rows_moved) FROM maintenance.run_compaction(p_table, p_reference, false));
        v_all := v_all || ARRAY(SELECT a FROM unnest(v_step) AS a WHERE a NOT LIKE 'capture %');
        EXIT WHEN NOT EXISTS (SELECT FROM unnest(v_step) AS a WHERE a LIKE 'capture %' OR a LIKE 'compact %');
    END LOOP;
    RETURN v_all;
END
$$;

-- Partitions (day, default, month) whose privileges are not exactly their parent's.
CREATE FUNCTION pg_temp.misaligned(p_parent regclass) RETURNS text[]
LANGUAGE sql AS $$
    SELECT coalesce(array_agg(p.partition::text ORDER BY p.partition::text), '{}')
      FROM maintenance.partitions_of(p_parent) AS p
     WHERE EXISTS ((SELECT * FROM maintenance.privileges_of(p.partition) EXCEPT SELECT * FROM maintenance.privileges_of(p_parent))
                   UNION ALL
                   (SELECT * FROM maintenance.privileges_of(p_parent) EXCEPT SELECT * FROM maintenance.privileges_of(p.partition)))
$$;

-- 1. Privileges follow the parent. ------------------------------------------------------
SELECT pg_temp.clear_partitions('exchange.trades');
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'p-' || d::date, 'T', d + interval '1 hour', 50, 50, 1, 'yes'
  FROM generate_series(timestamptz '2026-01-01 00:00+00', '2026-02-10 00:00+00', interval '1 day') AS d;
SELECT pg_temp.maintain('exchange.trades', '2026-02-10 12:00+00');
SELECT maintenance.set_compaction('exchange.trades', interval '3 days');
SELECT is(pg_temp.compact('exchange.trades', '2026-02-10 12:00+00'), ARRAY['compact trades_p202601 31'], 'January is merged');
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('p-waiting', 'T', '2026-03-01 10:00+00', 50, 50, 1, 'yes');

SELECT is(ARRAY(SELECT format('%s.%s', p.partition, a.attname)
                  FROM (VALUES ('exchange.trades'::regclass), ('exchange.orderbook_deltas'), ('exchange.market_snapshots')) AS t (parent)
                 CROSS JOIN LATERAL maintenance.partitions_of(t.parent) AS p
                  JOIN pg_attribute AS a ON a.attrelid = p.partition AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE has_column_privilege('marketdb_writer', p.partition, a.attname, 'UPDATE')
                   AND NOT has_column_privilege('marketdb_writer', t.parent, a.attname, 'UPDATE')),
          '{}'::text[],
    'no partition of the three exchange tables (days, month, defaults) lets the writer update a column the parent does not');
SELECT is(pg_temp.misaligned('exchange.trades') || pg_temp.misaligned('exchange.orderbook_deltas') || pg_temp.misaligned('exchange.market_snapshots'),
    '{}'::text[], 'every partition has exactly its parent''s privileges, table and column level');

SET LOCAL ROLE marketdb_writer;
SELECT throws_ok($$UPDATE exchange.trades_p20260205 SET ts = ts + interval '1 microsecond'$$, '42501', NULL,
    'the writer cannot move a trade''s ts through its day''s partition');
SELECT throws_ok($$UPDATE exchange.trades_p202601 SET trade_id = trade_id || '-x'$$, '42501', NULL,
    '... nor change a key through a month''s partition');
SELECT throws_ok($$UPDATE exchange.trades_default SET created_at = now()$$, '42501', NULL,
    '... nor created_at through the default partition');
SELECT throws_ok($$UPDATE exchange.market_snapshots_default SET ts = ts - interval '1 year'$$, '42501', NULL,
    '... nor move a snapshot past retention through the snapshots'' default partition (a DELETE by proxy)');
SELECT lives_ok($$UPDATE exchange.trades_p20260205 SET yes_price = 51, no_price = 49$$,
    'the writer still corrects values through a partition, as through the parent');
RESET ROLE;

-- A rescue's copies, the new default and new days get them; a re-granted parent's rights
-- reach every partition at the next run.
REVOKE UPDATE (taker_side) ON exchange.trades FROM marketdb_writer;
SELECT pg_temp.maintain('exchange.trades', '2026-03-01 12:00+00');
SELECT is((SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'p-waiting'), 'exchange.trades_p20260301',
    'the waiting row is rescued (its day, the new default partition and new days are made)');
SELECT is(pg_temp.misaligned('exchange.trades'), '{}'::text[],
    'after the run every partition, new ones included, has the parent''s privileges, its revoked column too');
-- A right granted on one partition by hand (table or column level) is taken back at the next run.
GRANT DELETE ON exchange.trades_p20260205 TO marketdb_writer;
GRANT UPDATE (ts) ON exchange.trades_p20260206 TO marketdb_reader;
SELECT is(pg_temp.misaligned('exchange.trades'), ARRAY['exchange.trades_p20260205', 'exchange.trades_p20260206'], 'two partitions granted more by hand');
SELECT pg_temp.maintain('exchange.trades', '2026-03-01 12:00+00');
SELECT is(pg_temp.misaligned('exchange.trades'), '{}'::text[], '... have exactly the parent''s privileges after the next run');

-- An archive (detached day) has them without writes.
SELECT pg_temp.clear_partitions('exchange.orderbook_deltas');
INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta)
VALUES ('T', '2025-06-01 10:00+00', 1, 'yes', 50, 5), ('T', '2026-03-10 10:00+00', 2, 'yes', 50, 5);
SELECT pg_temp.maintain('exchange.orderbook_deltas', '2026-03-10 12:00+00');
SELECT pg_temp.maintain('exchange.orderbook_deltas', '2026-03-10 12:00+00');
SELECT set_eq($$SELECT grantee, privilege_type, column_name FROM maintenance.privileges_of('exchange.orderbook_deltas_p20250601')$$,
    $$SELECT grantee, privilege_type, column_name FROM maintenance.privileges_of('exchange.orderbook_deltas')
       WHERE privilege_type NOT IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')$$,
    'a detached day keeps its parent''s privileges without INSERT, UPDATE, DELETE and TRUNCATE');

-- 2. One row at the window's lower edge costs one partition. -----------------------------
SELECT pg_temp.clear_partitions('exchange.trades');
SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');
SET LOCAL ROLE marketdb_writer;
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('edge-low', 'T', '2018-01-01 00:00+00', 50, 50, 1, 'yes');
RESET ROLE;
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00', true),
    ARRAY['rescue trades_p20180101 1'] || ARRAY(SELECT 'create trades_p' || to_char(d, 'YYYYMMDD') || ' 0'
                                                  FROM generate_series(date '2026-03-03', date '2026-03-08', interval '1 day') AS d),
    'one trade at 2018-01-01 plans one rescue and at most the week before the clock: no gap filling from 2018, nothing deferred');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'),
    ARRAY['rescue trades_p20180101 1'] || ARRAY(SELECT 'create trades_p' || to_char(d, 'YYYYMMDD') || ' 0'
                                                  FROM generate_series(date '2026-03-03', date '2026-03-08', interval '1 day') AS d),
    '... and a run does just that');
SELECT is(pg_temp.compact('exchange.trades', '2026-03-10 12:00+00'), ARRAY['compact trades_p201801 1'],
    'compaction then merges that one day into its month (two steps)');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['noop 0'], 'after which there is nothing to do');
-- Just beyond the week of gap filling: still one partition.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('edge-week', 'T', '2026-03-02 23:59:59.999999+00', 50, 50, 1, 'yes');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['rescue trades_p20260302 1'],
    'a row just older than the week gap filling covers costs its own day only');

-- 3. The upper edge: refused at insert, by name, relative to the clock. -------------------
SET LOCAL ROLE marketdb_writer;
SELECT throws_like($$INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
                     VALUES ('edge-high', 'T', '2099-12-31 23:59:59.999999+00', 50, 50, 1, 'yes')$$,
    '%violates rule "trades_ts_within_horizon"%', 'a trade at 2099-12-31 is refused by trades_ts_within_horizon');
SELECT throws_like(format($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('T', %L, 40, 45)$$,
                          (((now() AT TIME ZONE 'UTC')::date + 32)::timestamp AT TIME ZONE 'UTC')),
    '%violates rule "market_snapshots_ts_within_horizon"%', 'the first instant 32 UTC days ahead of the clock is refused');
SELECT lives_ok(format($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('T', %L, 40, 45)$$,
                       (((now() AT TIME ZONE 'UTC')::date + 32)::timestamp AT TIME ZONE 'UTC') - interval '1 microsecond'),
    'the instant before it is taken (it waits in the default partition for its day)');
RESET ROLE;
-- The horizon follows the policy's premake: the trigger's WHEN has the days baked in, and a
-- run (guard_default) replaces it when they change.
UPDATE maintenance.policy SET premake_days = 60 WHERE parent_table = 'exchange.market_snapshots';
SELECT maintenance.guard_default('exchange.market_snapshots');
SELECT lives_ok(format($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('T', %L, 40, 45)$$,
                       (((now() AT TIME ZONE 'UTC')::date + 45)::timestamp AT TIME ZONE 'UTC')),
    'with premake 60, a row 45 days ahead is taken');
UPDATE maintenance.policy SET premake_days = 7 WHERE parent_table = 'exchange.market_snapshots';
DELETE FROM exchange.market_snapshots_default WHERE ts >= now() + interval '33 days';
SELECT maintenance.guard_default('exchange.market_snapshots');
SELECT throws_like(format($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('T', %L, 40, 45)$$,
                          (((now() AT TIME ZONE 'UTC')::date + 45)::timestamp AT TIME ZONE 'UTC')),
    '%violates rule "market_snapshots_ts_within_horizon"%', 'premake back to 7, the next run''s guard refuses it again');
SELECT is((SELECT count(*)::integer FROM pg_trigger AS t WHERE t.tgrelid = 'exchange.market_snapshots_default'::regclass
             AND t.tgname = 'marketdb_horizon' AND pg_get_triggerdef(t.oid) LIKE '%WHEN%+ 32)%'),
    1, 'one horizon trigger, its WHEN at 32 days: rows within the horizon call no function');
-- A row stored before the rule (planted past the trigger) holds back only its own month.
SET LOCAL ROLE marketdb_owner;
ALTER TABLE exchange.trades_default DISABLE TRIGGER marketdb_horizon;
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('edge-old-high', 'T', '2099-12-31 23:59:59.999999+00', 50, 50, 1, 'yes');
ALTER TABLE exchange.trades_default ENABLE TRIGGER marketdb_horizon;
RESET ROLE;
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['out_of_window 1'], 'a run reports the stored row');
SELECT is((SELECT last_outcome FROM maintenance.policy WHERE parent_table = 'exchange.trades'), 'noop',
    '... without ending partial: there is nothing a later run would do');
SELECT is(pg_temp.compact('exchange.trades', '2026-04-10 12:00+00'), ARRAY['compact trades_p202603 1'],
    'months still merge while it waits (March, with the row of 2026-03-02)');

-- 5. Names at the registration limit (50 bytes), with two indexes whose names differ only
-- past 63 bytes once a month's suffix is added.
SET LOCAL ROLE marketdb_owner;
CREATE TABLE exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits (
    ticker text NOT NULL, ts timestamptz NOT NULL, price numeric NOT NULL,
    CONSTRAINT a_table_name_of_exactly_fifty_bytes_for_the_limits_pkey PRIMARY KEY (ticker, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits_default
    PARTITION OF exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits DEFAULT;
CREATE INDEX a_table_name_of_exactly_fifty_bytes_for_the_limits_by_ticker ON exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits (ticker);
CREATE INDEX a_table_name_of_exactly_fifty_bytes_for_the_limits_by_time ON exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits (ts);
RESET ROLE;
SELECT is(octet_length('a_table_name_of_exactly_fifty_bytes_for_the_limits'), 50, 'the table''s name is 50 bytes, the longest registration allows');
SELECT lives_ok($$SELECT maintenance.register_partitioned_table('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits', 3, interval '10 years', 'detach')$$,
    'it registers');
INSERT INTO exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits
SELECT 'T' || n, d, n FROM generate_series(timestamptz '2026-01-01 10:00+00', '2026-01-31 10:00+00', interval '1 day') AS d, generate_series(1, 2) AS n;
SELECT pg_temp.maintain('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits', '2026-03-10 12:00+00');
SELECT maintenance.set_compaction('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits', interval '3 days');
SELECT is(pg_temp.compact('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits', '2026-03-10 12:00+00'),
    ARRAY['compact a_table_name_of_exactly_fifty_bytes_for_the_limits_p202601 62'],
    'its month merges: the month''s keys and indexes get names PostgreSQL makes unique');
SELECT is((SELECT count(DISTINCT c.relname)::integer FROM pg_index AS x JOIN pg_class AS c ON c.oid = x.indexrelid
            WHERE x.indrelid = 'exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits_p202601'::regclass), 3,
    '... three indexes, three names, each attached to its parent''s');

-- 6. Sessions are bounded.
SELECT NULL::void FROM (SELECT count(*) FROM maintenance.prepare_rescue('exchange.trades')) AS claimed;
SELECT is(current_setting('idle_in_transaction_session_timeout'), '1s',
    'a maintenance call bounds the rest of its caller''s transaction: idle over 1 s ends the session');

-- Planner statistics of a parent: defaults until maintenance analyzes it.
CREATE FUNCTION pg_temp.groups_estimated(p_table text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_plan json;
BEGIN
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT ticker, count(*) FROM %s GROUP BY ticker', p_table) INTO v_plan;
    RETURN (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::integer;
END
$$;
SELECT is(pg_temp.groups_estimated('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits'), 200,
    'before: a GROUP BY over the parent is planned for 200 groups (no statistics: autovacuum never analyzes a parent)');
SELECT is(ARRAY(SELECT action FROM maintenance.analyze_for('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits')), ARRAY['analyze'],
    'analyze_for analyzes a parent that has no statistics');
SELECT is(pg_temp.groups_estimated('exchange.a_table_name_of_exactly_fifty_bytes_for_the_limits'), 2,
    'after: the plan expects the 2 groups there are');

-- 7. A crossed on-chain book is refused by name; a locked one is stored.
SET LOCAL ROLE marketdb_writer;
SELECT throws_like($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES ('tok', '2026-03-10 10:00+00', '[[0.7, 1], [0.5, 2]]', '[[0.6, 1]]')$$,
    '%"orderbook_snapshots_bid_not_above_ask"%', 'a crossed book (best bid 0.7 above best ask 0.6) violates orderbook_snapshots_bid_not_above_ask');
SELECT lives_ok($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks)
                  VALUES ('tok', '2026-03-10 10:00+00', '[[0.6, 1], [0.5, 2]]', '[[0.6, 1]]'), ('tok', '2026-03-10 10:01+00', '[]', '[[0.6, 1]]')$$,
    'a locked book and a book with one empty side are stored');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
