-- onchain rollups give the raw aggregate's figures after inserts, late rows and refreshes,
-- on both editions. On timescale the refresh is run the way production runs it: the
-- continuous aggregate's own refresh policy (CALL run_job), which cannot run inside a
-- transaction block, so this file commits and removes its rows (tokens 'rr-*') at the end.
-- On apache the rollups are views and the refresh steps do nothing.
\set ON_ERROR_STOP 1
SELECT plan(10);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());
SELECT maintenance.edition() = 'timescale' AS timescale \gset

CREATE TEMP VIEW expected_volume AS
    SELECT token_id, timescaledb.time_bucket(interval '1 hour', ts) AS bucket,
           count(*) AS trade_count, sum(size) AS volume, sum(price * size) AS notional
      FROM onchain.trades WHERE token_id LIKE 'rr-%' GROUP BY 1, 2;
CREATE TEMP VIEW expected_candles AS
    SELECT c.token_id, c.bucket, c.open, c.high, c.low, c.close, coalesce(v.volume, 0) AS volume, c.samples
      FROM (SELECT token_id, timescaledb.time_bucket(interval '1 hour', ts) AS bucket,
                   timescaledb.first(price, ts) AS open, max(price) AS high, min(price) AS low,
                   timescaledb.last(price, ts) AS close, count(*) AS samples
              FROM onchain.price_snapshots WHERE token_id LIKE 'rr-%' GROUP BY 1, 2) AS c
      LEFT JOIN expected_volume AS v USING (token_id, bucket);

SELECT set_eq(
    $$SELECT ca.view_name::text AS rollup, (j.config ->> 'start_offset')::interval AS start_offset,
            (j.config ->> 'end_offset')::interval AS end_offset, j.schedule_interval
        FROM timescaledb_information.jobs AS j
        JOIN timescaledb_information.continuous_aggregates AS ca
          ON (j.hypertable_schema, j.hypertable_name) IN ((ca.materialization_hypertable_schema, ca.materialization_hypertable_name),
                                                          (ca.view_schema, ca.view_name))
       WHERE j.proc_name = 'policy_refresh_continuous_aggregate'$$,
    CASE WHEN :'timescale' THEN
        $$VALUES ('price_ohlc_1h', interval '90 days', interval '1 hour', interval '1 hour'),
                 ('trade_volume_1h', interval '90 days', interval '1 hour', interval '1 hour')$$
    ELSE $$SELECT NULL::text AS rollup, NULL::interval AS start_offset, NULL::interval AS end_offset,
                  NULL::interval AS schedule_interval WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN :'timescale' THEN 'each rollup is refreshed hourly over the raw retention (90 days), up to the last hour'
                ELSE 'no refresh policy exists (the rollups are views)' END));

-- Two tokens over the last 30 hours (hour-aligned, so the test means the same at any hour),
-- the newest hour still open.
INSERT INTO onchain.price_snapshots (token_id, ts, price)
SELECT 'rr-' || t, date_trunc('hour', now()) - h * interval '1 hour' + m * interval '7 minutes', 0.30 + ((h * 7 + m * 3 + t) % 50) / 100.0
  FROM generate_series(0, 30) AS h, generate_series(0, 8) AS m, generate_series(1, 2) AS t
 WHERE date_trunc('hour', now()) - h * interval '1 hour' + m * interval '7 minutes' <= now();
INSERT INTO onchain.trades (trade_id, token_id, ts, price, size, side)
SELECT 'rr-' || h || '-' || m || '-' || t, 'rr-' || t, date_trunc('hour', now()) - h * interval '1 hour' + m * interval '11 minutes',
       0.50, 1 + m, CASE WHEN m % 2 = 0 THEN 'buy' ELSE 'sell' END
  FROM generate_series(0, 30) AS h, generate_series(0, 5) AS m, generate_series(1, 2) AS t
 WHERE date_trunc('hour', now()) - h * interval '1 hour' + m * interval '11 minutes' <= now();

\if :timescale
-- The scheduler is paused for these jobs meanwhile, so only this file's runs refresh.
SELECT count(*) AS paused FROM (
    SELECT timescaledb.alter_job(j.job_id, scheduled => false) FROM timescaledb_information.jobs AS j
     WHERE j.proc_name = 'policy_refresh_continuous_aggregate') AS paused \gset
SELECT format('CALL timescaledb.run_job(%s)', j.job_id) FROM timescaledb_information.jobs AS j
 WHERE j.proc_name = 'policy_refresh_continuous_aggregate' \gexec
\endif

SELECT set_eq('SELECT * FROM onchain.price_candles_1h WHERE token_id LIKE ''rr-%''', 'SELECT * FROM expected_candles',
    'after a refresh, hourly candles equal the raw rows'' aggregate, bucket by bucket');
SELECT set_eq('SELECT * FROM onchain.trade_volume_1h WHERE token_id LIKE ''rr-%''', 'SELECT * FROM expected_volume',
    'after a refresh, hourly volume equals the raw rows'' aggregate, bucket by bucket');
SELECT cmp_ok((SELECT count(*) FROM onchain.price_candles_1h WHERE token_id LIKE 'rr-%'), '>=', 60::bigint,
    'the candles cover both tokens over 30 hours');

-- Late rows: 20 hours, 2 days and 30 days late, into buckets already materialised or older
-- than any refresh so far; then the next production refresh.
INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES
    ('rr-1', date_trunc('hour', now()) - interval '20 hours' + interval '59 minutes', 0.99),
    ('rr-1', date_trunc('hour', now()) - interval '2 days' + interval '5 minutes', 0.11),
    ('rr-2', date_trunc('hour', now()) - interval '30 days' + interval '30 minutes', 0.42);
INSERT INTO onchain.trades (trade_id, token_id, ts, price, size, side) VALUES
    ('rr-late-1', 'rr-1', date_trunc('hour', now()) - interval '20 hours' + interval '1 minute', 0.60, 500, 'buy'),
    ('rr-late-2', 'rr-2', date_trunc('hour', now()) - interval '2 days', 0.70, 3, 'sell'),
    ('rr-late-3', 'rr-2', date_trunc('hour', now()) - interval '30 days', 0.10, 7, 'buy');

\if :timescale
SELECT format('CALL timescaledb.run_job(%s)', j.job_id) FROM timescaledb_information.jobs AS j
 WHERE j.proc_name = 'policy_refresh_continuous_aggregate' \gexec
\endif

SELECT set_eq('SELECT * FROM onchain.price_candles_1h WHERE token_id LIKE ''rr-%''', 'SELECT * FROM expected_candles',
    'late prices and trades (20 hours, 2 days, 30 days) are in the candles after the next refresh');
SELECT set_eq('SELECT * FROM onchain.trade_volume_1h WHERE token_id LIKE ''rr-%''', 'SELECT * FROM expected_volume',
    'late trades (20 hours, 2 days, 30 days) are in the volume after the next refresh');
SELECT is((SELECT high FROM onchain.price_candles_1h WHERE token_id = 'rr-1' AND bucket = date_trunc('hour', now()) - interval '20 hours'),
    0.990000::numeric, 'the 20-hour-late price is the high of its hour');
SELECT is((SELECT volume FROM onchain.price_candles_1h WHERE token_id = 'rr-1' AND bucket = date_trunc('hour', now()) - interval '20 hours'),
    (SELECT sum(size) FROM onchain.trades WHERE token_id = 'rr-1' AND ts >= date_trunc('hour', now()) - interval '20 hours'
                                            AND ts < date_trunc('hour', now()) - interval '19 hours'),
    'the 20-hour-late trade is in the volume of its candle');
SELECT is((SELECT trade_count FROM onchain.trade_volume_1h WHERE token_id = 'rr-2' AND bucket = date_trunc('hour', now()) - interval '30 days'),
    1::bigint, 'the 30-day-late trade has a bucket of its own');

-- Clean up: remove the rows, refresh, and the rollups hold nothing of this test.
DELETE FROM onchain.price_snapshots WHERE token_id LIKE 'rr-%';
DELETE FROM onchain.trades WHERE token_id LIKE 'rr-%';
\if :timescale
SELECT format('CALL timescaledb.run_job(%s)', j.job_id) FROM timescaledb_information.jobs AS j
 WHERE j.proc_name = 'policy_refresh_continuous_aggregate' \gexec
SELECT count(*) AS resumed FROM (
    SELECT timescaledb.alter_job(j.job_id, scheduled => true) FROM timescaledb_information.jobs AS j
     WHERE j.proc_name = 'policy_refresh_continuous_aggregate') AS resumed \gset
\endif
SELECT is((SELECT count(*) FROM onchain.price_candles_1h WHERE token_id LIKE 'rr-%')
        + (SELECT count(*) FROM onchain.trade_volume_1h WHERE token_id LIKE 'rr-%'), 0::bigint,
    'after the rows are removed and the rollups refreshed, nothing of them is left');

SELECT * FROM finish();
