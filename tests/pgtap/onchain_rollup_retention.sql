-- Retention never drops raw rows a rollup has not materialized (timescale/timescaledb#2198):
-- with the rollup's refresh job paused, rows pass the retention cut-off; maintenance keeps
-- their chunk and says which rollup holds it; after a refresh the chunk goes and the rollup
-- keeps its bucket. On apache rollups are views: the chunk goes at once.
-- The rollup is this file's own (a price table and its hourly aggregate, like
-- onchain.price_snapshots and price_ohlc_1h), so no other file's buckets or watermark are
-- touched. A continuous aggregate cannot be made or refreshed inside a transaction block:
-- this file commits, and drops what it made at the end. Reference time 2026-03-10 12:00,
-- retention 30 days: cut-off 2026-02-08 12:00.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
\set job none
SELECT plan(8);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());
SELECT maintenance.edition() = 'timescale' AS timescale \gset

-- What an interrupted run of this file left behind.
SELECT format('DROP %s onchain.rw_test_ohlc_1h',
              CASE WHEN EXISTS (SELECT FROM timescaledb_information.continuous_aggregates
                                 WHERE view_schema = 'onchain' AND view_name = 'rw_test_ohlc_1h') THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END)
 WHERE to_regclass('onchain.rw_test_ohlc_1h') IS NOT NULL \gexec
DELETE FROM maintenance.policy WHERE parent_table = 'onchain.rw_test_prices';
DROP TABLE IF EXISTS onchain.rw_test_prices;

SET ROLE marketdb_owner;
CREATE TABLE onchain.rw_test_prices (token_id text NOT NULL, ts timestamptz NOT NULL, price numeric(8, 6) NOT NULL);
SELECT timescaledb.create_hypertable('onchain.rw_test_prices', timescaledb.by_range('ts', interval '1 day')) IS NOT NULL AS hypertable \gset
SELECT (maintenance.register_hypertable('onchain.rw_test_prices', interval '30 days')).parent_table IS NOT NULL AS registered \gset
\if :timescale
CREATE MATERIALIZED VIEW onchain.rw_test_ohlc_1h WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
SELECT token_id, timescaledb.time_bucket(interval '1 hour', ts) AS bucket, timescaledb.first(price, ts) AS open,
       max(price) AS high, min(price) AS low, timescaledb.last(price, ts) AS close, count(*) AS samples
  FROM onchain.rw_test_prices GROUP BY 1, 2 WITH NO DATA;
SELECT timescaledb.add_continuous_aggregate_policy('onchain.rw_test_ohlc_1h', start_offset => NULL, end_offset => interval '1 hour',
                                                   schedule_interval => interval '1 hour') AS job \gset
-- The refresh job is paused: the scheduler never runs it during this file.
SELECT timescaledb.alter_job(:job, scheduled => false) IS NOT NULL AS paused \gset
\else
CREATE VIEW onchain.rw_test_ohlc_1h AS
SELECT token_id, timescaledb.time_bucket(interval '1 hour', ts) AS bucket, min(price) AS low, max(price) AS high, count(*) AS samples
  FROM onchain.rw_test_prices GROUP BY 1, 2;
\endif
RESET ROLE;

SELECT set_eq(
    $$SELECT rollup::text, refresh_job IS NOT NULL FROM maintenance.rollups() WHERE raw_table = 'onchain.rw_test_prices'$$,
    CASE WHEN :'timescale' THEN $$VALUES ('onchain.rw_test_ohlc_1h', true)$$
         ELSE $$SELECT NULL::text AS rollup, NULL::boolean AS has_job WHERE false$$ END,
    format('edition %s: maintenance.rollups() lists %s', maintenance.edition(),
           CASE WHEN :'timescale' THEN 'the continuous aggregate with its raw table and refresh job' ELSE 'no rollup (a view is not one)' END));

-- Two rows in an hour past the cut-off, and the newest row (its chunk is always kept).
INSERT INTO onchain.rw_test_prices (token_id, ts, price) VALUES
    ('rw-1', '2026-01-05 10:15+00', 0.40), ('rw-1', '2026-01-05 10:45+00', 0.60), ('rw-1', '2026-03-10 11:00+00', 0.50);
CREATE TEMP TABLE old_chunk AS
SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk FROM timescaledb_information.chunks
 WHERE hypertable_schema = 'onchain' AND hypertable_name = 'rw_test_prices' AND range_end <= '2026-02-08 12:00+00';

CREATE TEMP TABLE first_run AS
SELECT * FROM maintenance.run_policies(ARRAY['onchain.rw_test_prices'], 'onchain.rw_test_prices', '2026-03-10 12:00+00', false, NULL);

SELECT is(
    (SELECT string_agg(action || ' ' || coalesce(partition_name, '-'), ', ') FROM first_run),
    CASE WHEN :'timescale' THEN 'deferred -' ELSE 'drop ' || (SELECT chunk FROM old_chunk) END,
    CASE WHEN :'timescale' THEN 'refresh paused: the chunk past the cut-off is not dropped, the run reports a deferral'
         ELSE 'apache: the chunk past the cut-off is dropped (the rollup is a view, nothing to wait for)' END);
SELECT ok(
    CASE WHEN :'timescale' THEN (SELECT detail LIKE 'retention held: 1 chunk(s) past the cut-off % reach above rollup onchain.rw_test_ohlc_1h''s materialized watermark % (refresh job ' || :'job' || ', last run never)%'
                                  FROM first_run)
         ELSE (SELECT detail LIKE 'dropped chunk ending %' FROM first_run) END,
    'the run''s detail names the rollup, its watermark and its refresh job (timescale) or the chunk dropped (apache)');
SELECT is(
    (SELECT last_outcome FROM maintenance.policy WHERE parent_table = 'onchain.rw_test_prices'),
    CASE WHEN :'timescale' THEN 'partial' ELSE 'ok' END,
    'a held drop is not a success: the table''s outcome is partial (ok on apache)');
SELECT is((SELECT count(*)::integer FROM onchain.rw_test_prices WHERE ts < '2026-02-01'),
    CASE WHEN :'timescale' THEN 2 ELSE 0 END,
    'the rows past the cut-off are kept until their bucket is materialized (gone at once on apache)');

\if :timescale
CALL timescaledb.refresh_continuous_aggregate('onchain.rw_test_ohlc_1h', '2026-01-01 00:00+00', '2026-03-10 12:00+00');
\endif

SELECT is(
    (SELECT string_agg(action || ' ' || coalesce(partition_name, '-'), ', ')
       FROM maintenance.run_policies(ARRAY['onchain.rw_test_prices'], 'onchain.rw_test_prices', '2026-03-10 12:00+00', false, NULL)),
    CASE WHEN :'timescale' THEN 'drop ' || (SELECT chunk FROM old_chunk) ELSE 'noop -' END,
    CASE WHEN :'timescale' THEN 'after a refresh past the chunk, the next run drops it' ELSE 'apache: the next run has nothing to do' END);
SELECT is((SELECT count(*)::integer FROM onchain.rw_test_prices WHERE ts < '2026-02-01'), 0,
    'the raw rows past the cut-off are gone');
SELECT is(
    (SELECT format('%s-%s x%s', low, high, samples) FROM onchain.rw_test_ohlc_1h WHERE token_id = 'rw-1' AND bucket = '2026-01-05 10:00+00'),
    CASE WHEN :'timescale' THEN '0.400000-0.600000 x2' END,
    CASE WHEN :'timescale' THEN 'the rollup keeps the hour of the dropped rows, as materialized before the drop'
         ELSE 'apache: the view over the raw rows has no hour left for them' END);

-- Clean up: the aggregate (and its job), the table, its policy and run log.
\if :timescale
DROP MATERIALIZED VIEW onchain.rw_test_ohlc_1h;
\else
DROP VIEW onchain.rw_test_ohlc_1h;
\endif
DELETE FROM maintenance.run_log WHERE parent_table = 'onchain.rw_test_prices';
DELETE FROM maintenance.policy WHERE parent_table = 'onchain.rw_test_prices';
DROP TABLE onchain.rw_test_prices;

SELECT * FROM finish();
