-- maintenance: a dry run changes nothing; a second run with the same reference time does nothing.
BEGIN;
\ir _helpers.psql
SELECT plan(9);

SELECT pg_temp.clear_partitions('exchange.trades');
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'd-' || g, 'T', timestamptz '2026-03-10 00:00+00' + g * interval '1 minute', 50, 50, 1, 'yes'
  FROM generate_series(1, 5) AS g;

CREATE TEMP TABLE catalog_before AS
SELECT partition_name, lower_bound, upper_bound FROM maintenance.partitions_of('exchange.trades');

SELECT is(
    pg_temp.actions('exchange.trades', '2026-03-10 12:00+00', true),
    ARRAY['create trades_p20260309 0', 'rescue trades_p20260310 5', 'create trades_p20260311 0', 'create trades_p20260312 0',
          'create trades_p20260313 0', 'create trades_p20260314 0', 'create trades_p20260315 0', 'create trades_p20260316 0',
          'create trades_p20260317 0'],
    'a dry run reports every action it would take, with the rows it would move');
SELECT set_eq(
    $$SELECT partition_name, lower_bound, upper_bound FROM maintenance.partitions_of('exchange.trades')$$,
    'SELECT * FROM catalog_before',
    'a dry run creates and drops no partition');
SELECT is((SELECT count(*)::integer FROM exchange.trades_default), 5, 'a dry run moves no row');
SELECT ok(
    (SELECT bool_and(detail LIKE 'dry run: %') FROM maintenance.run_maintenance_for('exchange.trades', '2026-03-10 12:00+00', true)),
    'every dry-run action says it is a dry run');

SELECT is(cardinality(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00')), 9, 'the real run takes the 9 actions');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['noop 0'], 'a second run with the same reference time does nothing');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['noop 0'], 'and so does a third');
SELECT alike(
    (SELECT detail FROM maintenance.run_policies(ARRAY['exchange.trades'], 'exchange.trades', '2026-03-10 12:00+00', false, NULL)),
    'nothing to do:%', 'the no-op run says so');
SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00', true), ARRAY['noop 0'], 'a dry run after it has nothing to report either');

SELECT * FROM finish();
ROLLBACK;
