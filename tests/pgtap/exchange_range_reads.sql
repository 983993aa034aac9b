-- exchange.*_between: range reads planned with literal bounds, so a now()-relative range
-- prunes partitions as a literal one does.
BEGIN;
SELECT plan(8);

\ir _helpers.psql

SELECT pg_temp.clear_partitions('exchange.trades');
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
SELECT 'r-' || g, CASE WHEN g % 2 = 0 THEN 'A' ELSE 'B' END, now() - g * interval '1 hour', 50, 50, 1, 'yes'
  FROM generate_series(1, 96) AS g;
SELECT pg_temp.maintain('exchange.trades', now());

SELECT is((SELECT count(*)::integer FROM exchange.trades_between(now() - interval '1 day', now())), 24,
    'the last day''s trades, every ticker');
SELECT is((SELECT count(*)::integer FROM exchange.trades_between(now() - interval '1 day', now(), 'A')), 12,
    '... of one ticker');
SELECT is((SELECT array_agg(trade_id ORDER BY ts) FROM exchange.trades_between(now() - interval '3 hours', now(), 'A')),
    (SELECT array_agg(trade_id ORDER BY ts) FROM exchange.trades WHERE ticker = 'A' AND ts >= now() - interval '3 hours' AND ts < now()),
    'the same rows as the plain query, in time order');

-- Planned with literal bounds: one day's range reads at most the two partitions it spans,
-- where the now()-relative plain query plans every partition.
CREATE FUNCTION pg_temp.scans(p_sql text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE v_line text; v_n integer := 0;
BEGIN
    FOR v_line IN EXECUTE 'EXPLAIN ' || p_sql LOOP
        v_n := v_n + (v_line ~ 'Scan.* on trades_(p|default)')::integer;
    END LOOP;
    RETURN v_n;
END $$;
SELECT cmp_ok(pg_temp.scans(exchange.range_query('exchange.trades', now() - interval '1 day', now(), 'A')), '<=', 2,
    'the range read plans at most the two partitions the day spans');
SELECT cmp_ok(pg_temp.scans($$SELECT * FROM exchange.trades WHERE ticker = 'A' AND ts >= now() - interval '1 day'$$), '>', 5,
    '(the now()-relative plain query plans every partition)');

SELECT throws_like($$SELECT * FROM exchange.trades_between(now(), now() - interval '1 day')$$, '%p_from, p_to: finite bounds with p_from < p_to%',
    'reversed bounds are rejected, naming the arguments');
SELECT throws_like($$SELECT * FROM exchange.market_snapshots_between('-infinity', now())$$, '%p_from, p_to: finite bounds%',
    'infinite bounds are rejected');

SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT count(*)::integer FROM exchange.orderbook_deltas_between(now() - interval '1 day', now())), 0,
    'the reader reads ranges (with its own rights)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
