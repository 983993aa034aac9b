-- Tiered partitions: daily partitions of a month wholly older than compact_after are merged
-- into one monthly partition, idempotently; late rows, gap filling, retention and status
-- treat months like days. Fixed reference times (run_compaction, the owner's path).
BEGIN;
SELECT plan(36);

\ir _helpers.psql

-- A table's compaction calls at a reference time until one captures nothing (a call
-- captures every day of the month it can lock, then the merge), as "captures N" (calls)
-- and "action partition rows".
CREATE FUNCTION pg_temp.compact(p_table text, p_reference timestamptz) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    v_captures integer := 0;
    v_step     text[];
BEGIN
    FOR i IN 1 .. 40 LOOP
        v_step := ARRAY(SELECT concat_ws(' ', action, partition_name, rows_moved) FROM maintenance.run_compaction(p_table, p_reference, false));
        IF NOT EXISTS (SELECT FROM unnest(v_step) AS a WHERE a LIKE 'capture %') THEN
            RETURN ARRAY['captures ' || v_captures] || v_step;
        END IF;
        v_captures := v_captures + 1;
    END LOOP;
    RETURN ARRAY['captures ' || v_captures, 'more than 40 calls'];
END
$$;

SELECT pg_temp.clear_partitions('exchange.trades');
-- Rows for every day of 2026-01 and 2026-02, rescued into daily partitions by a run at the
-- reference time, which also fills the days through reference + 7.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'c-' || d::date || '-' || n, 'T' || n % 3, d + n * interval '37 minutes', 40 + n % 20, 60 - n % 20, 1 + n, 'yes'
  FROM generate_series(timestamptz '2026-01-01 00:00+00', '2026-02-28 00:00+00', interval '1 day') AS d, generate_series(0, 4) AS n;
SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');
CREATE TEMP TABLE before_rows AS SELECT * FROM exchange.trades;

SELECT is((SELECT compact_after FROM maintenance.policy WHERE parent_table = 'exchange.trades'), interval '3 days',
    'exchange.trades compacts 3 days after a month ends by default');
-- The rest of this file at 35 days: a month and the next one apart.
SELECT maintenance.set_compaction('exchange.trades', interval '35 days');
SELECT is((SELECT array_agg(compact_after) FROM maintenance.policy WHERE parent_table IN ('exchange.orderbook_deltas', 'exchange.market_snapshots')),
    ARRAY[NULL, NULL]::interval[],
    'deltas and snapshots stay daily (their retention keeps at most 90 and 180 partitions)');

-- Dry run: January is due (it ended 2026-02-01, before reference - 35 days); February is not.
SELECT is(ARRAY(SELECT concat_ws(' ', action, partition_name) FROM maintenance.run_compaction('exchange.trades', '2026-03-10 12:00+00', true)),
    ARRAY['compact trades_p202601'], 'a dry run lists January only');
SELECT is((SELECT count(*)::integer FROM maintenance.partitions_of('exchange.trades') WHERE partition_name LIKE 'trades_p202601__'),
    31, '... and changes nothing');

-- The run merges January.
SELECT is(pg_temp.compact('exchange.trades', '2026-03-10 12:00+00'),
    ARRAY['captures 1', 'compact trades_p202601 155'],
    'one call captures the changes of January''s 31 days, the next merges them (155 rows) into trades_p202601');
SELECT is((SELECT count(*)::integer FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture'), 0, '... and the captures went with the days');
CREATE TEMP VIEW capture_logs AS
    SELECT c.relname FROM pg_class AS c WHERE c.relnamespace = 'maintenance'::regnamespace AND c.relkind = 'r' AND c.relname LIKE 'rescue\_log\_%';
SELECT is((SELECT count(*)::integer FROM capture_logs), 31,
    '... their 31 logs, unused from then on, are left to the next step (not dropped under the parent''s lock)');
SELECT is((SELECT array_agg(partition_name || ' ' || lower_bound || ' ' || upper_bound) FROM maintenance.partitions_of('exchange.trades')
            WHERE lower_bound < '2026-02-01'),
    ARRAY['trades_p202601 2026-01-01 00:00:00+00 2026-02-01 00:00:00+00'], 'January is one partition with the month''s bounds; its days are gone');
SELECT set_eq('SELECT * FROM exchange.trades', 'SELECT * FROM before_rows', 'every row is there, once, unchanged');
SELECT is((SELECT count(*)::integer FROM exchange.trades WHERE tableoid <> 'exchange.trades_p202601'::regclass AND ts < '2026-02-01'), 0,
    'every January row is in the monthly partition');
SELECT is((SELECT count(*)::integer FROM pg_constraint WHERE conrelid = 'exchange.trades_p202601'::regclass AND conname = 'marketdb_compact_range'), 0,
    'the CHECK that spared ATTACH its scan is dropped');
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
            WHERE i.inhparent IN ('exchange.trades_pkey'::regclass, 'exchange.trades_ticker_ts_idx'::regclass)
              AND c.relname LIKE 'trades_p202601%'),
    ARRAY['trades_p202601_pkey', 'trades_p202601_ticker_ts_idx'], 'its primary key and index are attached to the parent''s, named as PostgreSQL names them');
SELECT is((SELECT relreplident::text FROM pg_class WHERE oid = 'exchange.trades_p202601'::regclass), 'd', '... the primary key is its replica identity');
SELECT ok(has_table_privilege('marketdb_writer', 'exchange.trades_p202601', 'INSERT') AND NOT has_table_privilege('marketdb_writer', 'exchange.trades_p202601', 'DELETE'),
    'it has the privileges every partition gets');
SELECT is((SELECT actions -> 0 ->> 'action' FROM maintenance.run_log WHERE parent_table = 'exchange.trades' AND NOT dry_run ORDER BY run_id DESC LIMIT 1),
    'compact', 'the run log records the compaction');
SELECT is(ARRAY(SELECT action FROM maintenance.run_compaction('exchange.trades', '2026-03-10 12:00+00', true)), '{}'::text[],
    'a dry run leaves them');
SELECT is((SELECT count(*)::integer FROM capture_logs), 31, '... (a dry run changes nothing)');
SELECT is(ARRAY(SELECT action FROM maintenance.run_compaction('exchange.trades', '2026-03-10 12:00+00', false)), '{}'::text[],
    'the next step has nothing to merge ...');
SELECT is((SELECT count(*)::integer FROM capture_logs), 0, '... and drops the spent logs');

-- Idempotent.
SELECT is(ARRAY(SELECT action FROM maintenance.run_compaction('exchange.trades', '2026-03-10 12:00+00', false)), '{}'::text[],
    'a second run at the same time finds nothing to merge');

-- Late rows and gap filling.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('c-late', 'T1', '2026-01-15 10:00+00', 50, 50, 1, 'no');
SELECT is((SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'c-late'), 'exchange.trades_p202601',
    'a late row for January goes straight into its month');
SELECT is(ARRAY(SELECT action FROM maintenance.run_policies(ARRAY['exchange.trades'], 'exchange.trades', '2026-03-10 12:00+00', false, NULL)
                 WHERE action <> 'noop'), '{}'::text[],
    'a run afterwards makes no partition inside the month (gap filling reads bounds)');

-- Months later: February is due. A row of another month waiting in the default partition
-- holds back only its own month.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('c-wait', 'T1', '2025-06-01 10:00+00', 50, 50, 1, 'no');
SELECT is(pg_temp.compact('exchange.trades', '2026-04-10 12:00+00'),
    ARRAY['captures 1', 'compact trades_p202602 140'], 'February is merged while a row of 2025-06 waits in the default partition');
DELETE FROM exchange.trades WHERE trade_id = 'c-wait';
SELECT is(t.daily_partitions || ' daily, ' || t.monthly_partitions || ' monthly, ' || t.months_due || ' due', '15 daily, 2 monthly, 0 due',
    'partition_tiers shows both tiers (March 3 .. 17 stay daily: gap filling starts a week before the clock)')
  FROM maintenance.partition_tiers('2026-04-10 12:00+00') AS t WHERE t.parent_table = 'exchange.trades';

-- A row of March waiting in the default partition (March 20 has no partition) holds March
-- back once it is due.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('c-march', 'T1', '2026-03-20 10:00+00', 50, 50, 1, 'no');
SELECT is(ARRAY(SELECT concat_ws(' ', action, partition_name) FROM maintenance.run_compaction('exchange.trades', '2026-05-10 12:00+00', true)),
    ARRAY['deferred trades_p202603'], 'a month some of whose rows wait in the default partition is deferred');
-- The same row arriving while the month is being merged (after the plan): the merge meets
-- it at the ATTACH, is undone, and says deferred.
SELECT NULL::void FROM (SELECT maintenance.set_captures('exchange.trades', '2026-03-01', true)) AS captured;
SELECT is((SELECT concat_ws(' ', (m).action, (m).partition_name, (m).rows_moved) || ' ' || ((m).detail LIKE '%default partition during the merge%')
             FROM (SELECT maintenance.compact_month(p, '2026-03-01', 'trades_p202603') AS m FROM maintenance.policy AS p
                    WHERE p.parent_table = 'exchange.trades') AS c),
    'deferred trades_p202603 0 true', 'a merge that finds rows of its month in the default partition is deferred, not an error');
SELECT ok((SELECT count(*) FROM maintenance.partitions_of('exchange.trades') WHERE partition_name LIKE 'trades_p202603__') = 15
          AND to_regclass('exchange.trades_p202603') IS NULL
          AND (SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'c-march') = 'exchange.trades_default',
    '... and nothing changed: the 15 days stay, no month table, the row waits in the default partition');
DELETE FROM exchange.trades WHERE trade_id = 'c-march';

-- Retention removes whole months: snapshots (180 days, drop) compacted by the test.
SELECT pg_temp.clear_partitions('exchange.market_snapshots');
INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)
SELECT 'S', d, 40, 41 FROM generate_series(timestamptz '2026-01-01 00:00+00', '2026-02-28 00:00+00', interval '1 day') AS d;
SELECT pg_temp.maintain('exchange.market_snapshots', '2026-03-10 12:00+00');
SELECT maintenance.set_compaction('exchange.market_snapshots', interval '35 days');
SELECT is(pg_temp.compact('exchange.market_snapshots', '2026-03-10 12:00+00'),
    ARRAY['captures 1', 'compact market_snapshots_p202601 31'], 'snapshots'' January is merged');
SELECT is(ARRAY(SELECT concat_ws(' ', action, partition_name) FROM maintenance.partition_plan(
                    (SELECT p FROM maintenance.policy AS p WHERE parent_table = 'exchange.market_snapshots'), '2026-08-01 00:00+00', 7)
                 WHERE action = 'drop' AND day < '2026-02-01'),
    ARRAY['drop market_snapshots_p202601'], 'retention drops the month once it is wholly older than the cut-off');
SELECT is(ARRAY(SELECT action FROM maintenance.compaction_plan(
                    (SELECT p FROM maintenance.policy AS p WHERE parent_table = 'exchange.market_snapshots'), '2026-08-20 00:00+00') WHERE day = '2026-02-01'),
    '{}'::text[], 'a month that reaches past the retention cut-off is not merged (retention takes its days)');

-- Arguments.
SELECT throws_like($$SELECT maintenance.set_compaction('exchange.trades', interval '0 days')$$, '%policy_compact_after_range%',
    'a compaction age under a day violates policy_compact_after_range');
SELECT throws_like($$SELECT maintenance.set_compaction('macro.market_data', interval '35 days')$$, '%policy_compact_partitioned_only%',
    'a hypertable cannot compact (TimescaleDB merges chunks itself)');
SELECT throws_like($$SELECT maintenance.set_compaction('exchange.market_snapshots', interval '200 days')$$, '%policy_compact_before_retention%',
    'compaction after the retention would never happen');
SET LOCAL ROLE marketdb_maintainer;
SELECT throws_ok($$SELECT maintenance.run_compaction('exchange.trades', now(), false)$$, '42501', NULL,
    'the maintainer cannot run compaction at a time of its choosing (compact_for holds it near the clock)');
RESET ROLE;

-- A table that does not compact costs a run nothing: no plan, no step, no log row.
CREATE TEMP TABLE log_before AS SELECT count(*) AS n FROM maintenance.run_log;
SELECT is((SELECT count(*)::integer FROM maintenance.compact_for('exchange.orderbook_deltas')), 0,
    'compact_for on a table that does not compact returns nothing');
SELECT is((SELECT count(*) FROM maintenance.run_log), (SELECT n FROM log_before), '... and logs nothing');

SELECT * FROM finish();
ROLLBACK;
