-- maintenance: daily partitions from the clock, gaps filled, UTC days, premake.
BEGIN;
\ir _helpers.psql
SELECT plan(13);

SELECT pg_temp.clear_partitions('exchange.trades');

SELECT is(
    pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'),
    ARRAY(SELECT format('create trades_p%s 0', to_char(d, 'YYYYMMDD')) FROM generate_series(date '2026-03-09', date '2026-03-17', interval '1 day') AS d),
    'a run at 2026-03-10 12:00 UTC on an empty table creates 2026-03-09 .. 2026-03-17: from the clock, not from data');
SELECT partitions_are('exchange', 'trades',
    pg_temp.days('trades', '2026-03-09', '2026-03-17') || 'exchange.trades_default'::name,
    'trades then has the default partition and one per day from reference day - 1 to reference day + 7');
SELECT results_eq(
    $$SELECT lower_bound, upper_bound FROM maintenance.partitions_of('exchange.trades') WHERE partition_name = 'trades_p20260310'$$,
    $$VALUES ('2026-03-10 00:00+00'::timestamptz, '2026-03-11 00:00+00'::timestamptz)$$,
    'trades_p20260310 covers exactly the UTC day 2026-03-10');

INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('edge-1', 'T', '2026-03-10 23:59:59.999999+00', 50, 50, 1, 'yes'),
       ('edge-2', 'T', '2026-03-11 00:00:00+00', 50, 50, 1, 'yes');
SELECT results_eq(
    $$SELECT trade_id, tableoid::regclass::text FROM exchange.trades WHERE trade_id LIKE 'edge-%' ORDER BY trade_id$$,
    $$VALUES ('edge-1', 'exchange.trades_p20260310'), ('edge-2', 'exchange.trades_p20260311')$$,
    'the last microsecond of a day stays in that day and midnight UTC starts the next');

DROP TABLE exchange.trades_p20260312;
DROP TABLE exchange.trades_p20260314;
SELECT is(
    pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'),
    ARRAY['create trades_p20260312 0', 'create trades_p20260314 0'],
    'missing days inside the covered range are filled');

SELECT is(
    (SELECT array_agg(concat_ws(' ', action, partition_name, rows_moved))
       FROM maintenance.run_policies(ARRAY['exchange.trades'], 'exchange.trades', '2026-03-10 12:00+00', false, 10)),
    ARRAY['create trades_p20260318 0', 'create trades_p20260319 0', 'create trades_p20260320 0'],
    'p_premake_days overrides the policy''s premake for one run');

-- 2026-03-13 20:00 in New York is 2026-03-14 00:00 UTC: the UTC day decides.
SET LOCAL TimeZone = 'America/New_York';
SELECT is(
    pg_temp.actions('exchange.trades', '2026-03-13 20:00'),
    ARRAY['create trades_p20260321 0'],
    'days are UTC days whatever the session TimeZone (reference 2026-03-14 00:00 UTC creates through 2026-03-21)');
RESET TimeZone;

SELECT is(pg_temp.actions('exchange.trades', '2026-03-13 20:00-04'), ARRAY['noop 0'],
    'once everything exists a run at the same reference time does nothing and says so');

SELECT results_eq(
    $$SELECT partitions, oldest_day, newest_day, rows_in_default, premake_days, retention, next_retention_cutoff
        FROM maintenance.partition_status('2026-03-14 00:00+00') WHERE parent_table = 'exchange.trades'$$,
    $$VALUES (13, date '2026-03-09', date '2026-03-21', 0::bigint, 7, NULL::interval, NULL::timestamptz)$$,
    'partition_status reports count, oldest and newest covered day, rows in default and no cut-off without retention');
SELECT results_eq(
    $$SELECT retention, next_retention_cutoff FROM maintenance.partition_status('2026-03-14 00:00+00')
       WHERE parent_table = 'exchange.market_snapshots'$$,
    $$VALUES (interval '180 days', '2025-09-15 00:00+00'::timestamptz)$$,
    'partition_status reports the next retention cut-off: reference time - retention');

SELECT is(
    (SELECT count(*)::integer FROM maintenance.partitions_of('exchange.trades') WHERE is_default), 1,
    'the default partition is still there');
SELECT is((SELECT count(*)::integer FROM exchange.trades WHERE trade_id LIKE 'edge-%'), 2, 'no row was lost on the way');

-- A parent without a default partition (detached by its owner): the plan has no rows outside
-- the window to read, and says so (v0.2.0's plan read a record it never assigned, and failed).
ALTER TABLE exchange.trades DETACH PARTITION exchange.trades_default;
SELECT is(
    (SELECT count(*)::integer FROM maintenance.partition_plan(
        (SELECT p FROM maintenance.policy AS p WHERE p.parent_table = 'exchange.trades'), '2026-03-10 12:00+00', 7)
      WHERE action = 'out_of_window'),
    0, 'a table without a default partition is planned: nothing outside the window');

SELECT * FROM finish();
ROLLBACK;
