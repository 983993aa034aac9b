-- maintenance: retention drops or detaches partitions wholly older than reference - retention,
-- never the partition with the newest data, never the default.
BEGIN;
\ir _helpers.psql
SELECT plan(18);

-- Drop: market_snapshots keep 180 days. At 2026-03-10 12:00 the cut-off is 2025-09-11 12:00.
SELECT pg_temp.clear_partitions('exchange.market_snapshots');
INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)
VALUES ('T', '2025-09-01 10:00+00', 40, 45),
       ('T', '2025-09-05 10:00+00', 40, 45),
       ('T', '2025-09-11 06:00+00', 40, 45),
       ('T', '2026-03-10 10:00+00', 40, 45);
SELECT pg_temp.maintain('exchange.market_snapshots', '2026-03-10 12:00+00');

SELECT hasnt_table('exchange', 'market_snapshots_p20250901', 'a partition wholly older than the cut-off is dropped');
SELECT hasnt_table('exchange', 'market_snapshots_p20250905', 'every partition wholly older than the cut-off is dropped');
SELECT is_partition_of('exchange', 'market_snapshots_p20250911', 'exchange', 'market_snapshots',
    'the partition straddling the cut-off (2025-09-11) is kept: it is not wholly older');
SELECT results_eq(
    $$SELECT ts FROM exchange.market_snapshots ORDER BY ts$$,
    $$VALUES ('2025-09-11 06:00+00'::timestamptz), ('2026-03-10 10:00+00'::timestamptz)$$,
    'only the rows of dropped days are gone');
SELECT is_partition_of('exchange', 'market_snapshots_default', 'exchange', 'market_snapshots', 'the default partition is never removed');
SELECT is(pg_temp.actions('exchange.market_snapshots', '2026-03-10 12:00+00'), ARRAY['noop 0'],
    'a second run at the same reference time has nothing left to remove');
SELECT is(
    (SELECT array_agg(concat_ws(' ', action, partition_name, rows_moved))
       FROM maintenance.run_policies(ARRAY['exchange.market_snapshots'], NULL, '2026-03-12 12:00+00', false, NULL)
      WHERE action = 'drop'),
    ARRAY['drop market_snapshots_p20250911 1'],
    'as the clock moves on, each day is dropped once it is wholly older than the cut-off (the empty days after it, far from the clock, never got one)');

-- Detach, and the newest data: order-book deltas keep 90 days, then are detached.
SELECT pg_temp.clear_partitions('exchange.orderbook_deltas');
INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('T', '2025-06-01 10:00+00', 1, 'yes', 50, 5);
SELECT pg_temp.maintain('exchange.orderbook_deltas', '2025-06-01 12:00+00');  -- the feed's last day, then it stopped
SELECT pg_temp.maintain('exchange.orderbook_deltas', '2026-03-10 12:00+00');
SELECT is_partition_of('exchange', 'orderbook_deltas_p20250601', 'exchange', 'orderbook_deltas',
    'a partition past retention that holds the newest data is kept (a stopped feed keeps its last day)');

INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('T', '2026-03-10 10:00+00', 2, 'yes', 51, -5);
SELECT is(
    (SELECT array_agg(concat_ws(' ', action, partition_name, rows_moved))
       FROM maintenance.run_policies(ARRAY['exchange.orderbook_deltas'], NULL, '2026-03-10 12:00+00', false, NULL)),
    ARRAY['detach orderbook_deltas_p20250601 1'],
    'once newer data exists the old partition is detached');
SELECT has_table('exchange', 'orderbook_deltas_p20250601', 'a detached partition is kept as a table');
SELECT ok(
    NOT EXISTS (SELECT FROM maintenance.partitions_of('exchange.orderbook_deltas') WHERE partition_name = 'orderbook_deltas_p20250601'),
    'a detached partition is no longer part of orderbook_deltas');
SELECT is((SELECT count(*)::integer FROM exchange.orderbook_deltas_p20250601), 1, 'a detached partition keeps its rows');

-- The archive is history: the writer can neither add to it nor change it.
SET LOCAL ROLE marketdb_writer;
SELECT throws_ok($$INSERT INTO exchange.orderbook_deltas_p20250601 (ticker, ts, seq, side, price, delta) VALUES ('T', '2025-06-01 12:00+00', 9, 'yes', 52, 1)$$,
    '42501', NULL, 'the writer cannot insert into a detached archive');
SELECT throws_ok($$UPDATE exchange.orderbook_deltas_p20250601 SET delta = 7$$,
    '42501', NULL, 'the writer cannot update a detached archive');
RESET ROLE;

-- Rows arriving later for a detached day join that day's one archive (no new partition, no
-- second archive), and the default partition is left empty.
INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('T', '2025-06-01 11:00+00', 3, 'yes', 52, 1);
SELECT is(pg_temp.actions('exchange.orderbook_deltas', '2026-03-10 12:00+00'), ARRAY['archive orderbook_deltas_p20250601 1'],
    'a late row for a detached day is moved into that day''s archive');
SELECT is((SELECT count(*)::integer FROM exchange.orderbook_deltas_p20250601), 2, 'the archive holds the day''s old and late rows');
SELECT is((SELECT count(*)::integer FROM pg_class WHERE relkind = 'r' AND relname LIKE 'orderbook\_deltas\_p20250601\_%'), 0,
    'no second table is made for the day');
SELECT is((SELECT count(*)::integer FROM exchange.orderbook_deltas_default), 0, 'nothing is left in the default partition');

SELECT * FROM finish();
ROLLBACK;
