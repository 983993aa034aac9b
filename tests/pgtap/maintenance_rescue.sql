-- maintenance: rows that landed in the default partition are moved into proper partitions,
-- none lost, none duplicated, none changed.
BEGIN;
\ir _helpers.psql
SELECT plan(11);

SELECT pg_temp.clear_partitions('exchange.trades');
SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');

-- Late (a day long gone), early (beyond premake) and on time.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'late-' || g, 'T-LATE', timestamptz '2026-03-01 00:00+00' + g * interval '10 hours', 40, 60, g, 'yes'
  FROM generate_series(1, 3) AS g;
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'early-' || g, 'T-EARLY', timestamptz '2026-04-01 10:00+00' + g * interval '1 minute', 61.5, 38.5, 1, 'no'
  FROM generate_series(1, 2) AS g;
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('now-1', 'T', '2026-03-10 11:00+00', 50, 50, 1, 'yes');

SELECT is((SELECT count(*)::integer FROM exchange.trades_default), 5,
    'inserts for days without a partition do not fail: the 5 rows land in the default partition');

CREATE TEMP TABLE before_rescue AS SELECT trade_id, ticker, ts, yes_price, no_price, count, taker_side, created_at FROM exchange.trades;

SELECT is(
    pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'),
    ARRAY['rescue trades_p20260301 2', 'rescue trades_p20260302 1', 'rescue trades_p20260401 2',
          'create trades_p20260303 0', 'create trades_p20260304 0', 'create trades_p20260305 0', 'create trades_p20260306 0',
          'create trades_p20260307 0', 'create trades_p20260308 0'],
    'the run rescues each day found in the default partition (in one swap), then fills the gap up to the covered range');

SELECT is((SELECT count(*)::integer FROM exchange.trades_default), 0, 'the default partition is empty afterwards');
SELECT is((SELECT count(*)::integer FROM exchange.trades), 6, 'the table still holds 6 rows: none lost, none duplicated');
SELECT set_eq(
    'SELECT trade_id, ticker, ts, yes_price, no_price, count, taker_side, created_at FROM exchange.trades',
    'SELECT * FROM before_rescue',
    'every rescued row is unchanged, column for column');
SELECT results_eq(
    $$SELECT tableoid::regclass::text, count(*)::integer FROM exchange.trades WHERE ticker <> 'T' GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('exchange.trades_p20260301', 2), ('exchange.trades_p20260302', 1), ('exchange.trades_p20260401', 2)$$,
    'each rescued row is in the partition of its UTC day');
SELECT hasnt_table('exchange', 'trades_p20260331',
    'beyond premake only the days with data get a partition');

SELECT is(pg_temp.actions('exchange.trades', '2026-03-10 12:00+00'), ARRAY['noop 0'], 'a second run has nothing left to rescue');

-- A row arriving for a rescued day now goes straight to its partition.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('late-4', 'T-LATE', '2026-03-01 23:00+00', 40, 60, 1, 'yes');
SELECT is((SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'late-4'), 'exchange.trades_p20260301',
    'later rows for a rescued day go straight to its new partition');

-- Rescue works the same for the other partitioned tables.
SELECT pg_temp.clear_partitions('exchange.market_snapshots');
INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('T', '2026-03-10 08:00+00', 40, 45), ('U', '2026-03-10 09:00+00', 1, 99);
SELECT ok(
    'rescue market_snapshots_p20260310 2' = ANY (pg_temp.actions('exchange.market_snapshots', '2026-03-10 12:00+00')),
    'snapshots in the default partition are rescued too');
SELECT is((SELECT count(*)::integer FROM exchange.market_snapshots_p20260310), 2, 'both snapshots are in their partition');

SELECT * FROM finish();
ROLLBACK;
