-- onchain rollups: the same names, columns and figures on both editions (a continuous
-- aggregate on timescale, real-time so unrefreshed buckets are computed at query time; a
-- view on apache).
BEGIN;
SELECT plan(10);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());

SELECT columns_are('onchain', 'price_candles_1h', ARRAY['token_id', 'bucket', 'open', 'high', 'low', 'close', 'volume', 'samples'],
    'price_candles_1h (the seed''s OHLCV) has token, hour bucket, OHLC, volume and sample count');
SELECT columns_are('onchain', 'price_ohlc_1h', ARRAY['token_id', 'bucket', 'open', 'high', 'low', 'close', 'samples'],
    'price_ohlc_1h, the rollup of the snapshots, has token, hour bucket, OHLC and sample count');
SELECT columns_are('onchain', 'trade_volume_1h', ARRAY['token_id', 'bucket', 'trade_count', 'volume', 'notional'],
    'trade_volume_1h has token, hour bucket, count, volume and notional');
SELECT results_eq(
    $$SELECT attname::text COLLATE "default", format_type(atttypid, atttypmod) FROM pg_attribute
       WHERE attrelid = 'onchain.price_candles_1h'::regclass AND attnum > 0 ORDER BY attnum$$,
    $$VALUES ('token_id', 'text'), ('bucket', 'timestamp with time zone'), ('open', 'numeric'), ('high', 'numeric'),
             ('low', 'numeric'), ('close', 'numeric'), ('volume', 'numeric'), ('samples', 'bigint')$$,
    'price_candles_1h column types are the same on both editions');

SELECT set_eq(
    $$SELECT view_schema || '.' || view_name AS rollup, materialized_only FROM timescaledb_information.continuous_aggregates$$,
    CASE WHEN maintenance.edition() = 'timescale'
         THEN $$VALUES ('onchain.price_ohlc_1h', false), ('onchain.trade_volume_1h', false)$$
         ELSE $$SELECT NULL::text AS rollup, NULL::boolean AS materialized_only WHERE false$$ END,
    format('edition %s: the rollups are %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'real-time continuous aggregates' ELSE 'not continuous aggregates' END));
SELECT set_eq(
    $$SELECT table_schema || '.' || table_name AS rollup FROM information_schema.views
       WHERE table_schema = 'onchain' AND table_name IN ('price_candles_1h', 'price_ohlc_1h', 'trade_volume_1h')$$,
    ARRAY['onchain.price_candles_1h', 'onchain.price_ohlc_1h', 'onchain.trade_volume_1h'],
    'the rollups and the candles are queryable views under their names (a continuous aggregate is one too)');
-- Jobs are matched to aggregates by the materialization hypertable id in their config:
-- TimescaleDB 2.19 lists a refresh job under the materialization hypertable, 2.29 under the view.
SELECT set_eq(
    $$SELECT format('%I.%I', ca.user_view_schema, ca.user_view_name) AS rollup, j.schedule_interval
        FROM timescaledb_information.jobs AS j
        JOIN _timescaledb_catalog.continuous_agg AS ca ON ca.mat_hypertable_id = (j.config ->> 'mat_hypertable_id')::integer
       WHERE j.proc_name = 'policy_refresh_continuous_aggregate'$$,
    CASE WHEN maintenance.edition() = 'timescale'
         THEN $$VALUES ('onchain.price_ohlc_1h', interval '1 hour'), ('onchain.trade_volume_1h', interval '1 hour')$$
         ELSE $$SELECT NULL::text AS rollup, NULL::interval AS schedule_interval WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'each aggregate is refreshed hourly by a policy' ELSE 'no refresh policy exists' END));

-- Fixture: two tokens over two hours, inserted out of order. The hours are the current one
-- and the next: above any refresh's watermark, so on timescale the real-time part answers
-- (older buckets are the refresh's, see onchain_rollup_refresh.sql).
SELECT date_trunc('hour', now()) AS h0, date_trunc('hour', now()) + interval '1 hour' AS h1 \gset
INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES
    ('A', :'h0'::timestamptz + interval '45 minutes', 0.47), ('A', :'h0', 0.40), ('A', :'h0'::timestamptz + interval '15 minutes', 0.55),
    ('A', :'h0'::timestamptz + interval '30 minutes', 0.38), ('A', :'h1'::timestamptz + interval '5 minutes', 0.50),
    ('B', :'h0'::timestamptz + interval '10 minutes', 0.91);
INSERT INTO onchain.trades (trade_id, token_id, ts, price, size, side) VALUES
    ('t1', 'A', :'h0'::timestamptz + interval '1 minute', 0.40, 100, 'buy'), ('t2', 'A', :'h0'::timestamptz + interval '20 minutes', 0.55, 50, 'sell'),
    (NULL, 'A', :'h0'::timestamptz + interval '50 minutes', 0.47, 10.5, 'buy'), ('t4', 'A', :'h1', 0.50, 1, 'buy');

SELECT results_eq(
    format($$SELECT token_id, bucket, open, high, low, close, volume, samples FROM onchain.price_candles_1h
              WHERE bucket >= %L ORDER BY token_id, bucket$$, :'h0'),
    format($$VALUES ('A', %1$L::timestamptz, 0.400000::numeric, 0.550000::numeric, 0.380000::numeric, 0.470000::numeric, 160.500000::numeric, 4::bigint),
                    ('A', %2$L, 0.500000, 0.500000, 0.500000, 0.500000, 1.000000, 1),
                    ('B', %1$L, 0.910000, 0.910000, 0.910000, 0.910000, 0, 1)$$, :'h0', :'h1'),
    'hourly candles: open is the first price by time, close the last, whatever the insert order; volume the size traded (0 without trades)');
SELECT results_eq(
    format($$SELECT token_id, bucket, trade_count, volume, notional FROM onchain.trade_volume_1h
              WHERE bucket >= %L ORDER BY token_id, bucket$$, :'h0'),
    format($$VALUES ('A', %1$L::timestamptz, 3::bigint, 160.500000::numeric, 72.435000000000::numeric),
                    ('A', %2$L, 1, 1.000000, 0.500000000000)$$, :'h0', :'h1'),
    'hourly volume: trade count, size summed, notional = sum of price x size');

SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT count(*)::integer FROM onchain.price_candles_1h WHERE bucket >= :'h0'), 3, 'the reader role reads the rollups');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
