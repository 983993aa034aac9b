-- Retention never drops raw rows a rollup has not materialized (timescale/timescaledb#2198):
-- with the refresh jobs paused, rows pass the retention cut-off; maintenance keeps their
-- chunk and says which rollup holds it; after a refresh the chunk goes and the rollup keeps
-- its buckets. On apache the rollups are views: the chunk goes at once.
-- The refresh cannot run inside a transaction block, so this file commits; its rows are at
-- fixed times in 2099 (reference time 2099-06-01, retention 90 days: cut-off 2099-03-03),
-- above anything a refresh of the real clock has materialized, and removed at the end.
\set ON_ERROR_STOP 1
SELECT plan(8);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());
SELECT maintenance.edition() = 'timescale' AS timescale \gset

SELECT set_eq(
    $$SELECT rollup::text, raw_table, refresh_job IS NOT NULL FROM maintenance.rollups()$$,
    CASE WHEN :'timescale' THEN
        $$VALUES ('onchain.price_ohlc_1h', 'onchain.price_snapshots', true), ('onchain.trade_volume_1h', 'onchain.trades', true)$$
    ELSE $$SELECT NULL::text AS rollup, NULL::text AS raw_table, NULL::boolean AS has_job WHERE false$$ END,
    format('edition %s: maintenance.rollups() lists %s', maintenance.edition(),
           CASE WHEN :'timescale' THEN 'both continuous aggregates with their raw table and refresh job' ELSE 'nothing (the rollups are views)' END));

-- Rows an interrupted run of this file left behind.
DELETE FROM onchain.price_snapshots WHERE token_id = 'rw-1';

CREATE TEMP TABLE saved_state AS
SELECT last_run_at, last_outcome, last_success_at FROM maintenance.policy WHERE parent_table = 'onchain.price_snapshots';

\if :timescale
SELECT count(*) AS paused FROM (
    SELECT timescaledb.alter_job(j.job_id, scheduled => false) FROM maintenance.rollups() AS r
      JOIN timescaledb_information.jobs AS j ON j.job_id = r.refresh_job) AS paused \gset
\endif

INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES
    ('rw-1', '2099-02-20 10:15+00', 0.40), ('rw-1', '2099-02-20 10:45+00', 0.60), ('rw-1', '2099-05-31 23:00+00', 0.50);
CREATE TEMP TABLE old_chunk AS
SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk FROM timescaledb_information.chunks
 WHERE hypertable_schema = 'onchain' AND hypertable_name = 'price_snapshots'
   AND range_start <= '2099-02-20 10:15+00' AND range_end > '2099-02-20 10:15+00';

-- Only this file's chunk counts: at a 2099 reference time every chunk other files left
-- (empty) is past the cut-off too.
CREATE TEMP TABLE first_run AS
SELECT * FROM maintenance.run_policies(ARRAY['onchain.price_snapshots'], 'onchain.price_snapshots', '2099-06-01 00:00+00', false, NULL)
 WHERE action <> 'drop' OR partition_name = (SELECT chunk FROM old_chunk);

SELECT is(
    (SELECT string_agg(action || ' ' || coalesce(partition_name, '-'), ', ') FROM first_run),
    CASE WHEN :'timescale' THEN 'deferred -' ELSE 'drop ' || (SELECT chunk FROM old_chunk) END,
    CASE WHEN :'timescale' THEN 'refresh paused: the chunk past the cut-off is not dropped, the run reports a deferral'
         ELSE 'apache: the chunk past the cut-off is dropped (the rollups are views, nothing to wait for)' END);
SELECT ok(
    CASE WHEN :'timescale' THEN (SELECT detail LIKE 'retention held: 1 chunk(s) past the cut-off % reach above rollup onchain.price_ohlc_1h''s materialized watermark %'
                                  FROM first_run)
         ELSE (SELECT detail LIKE 'dropped chunk ending %' FROM first_run) END,
    'the run''s detail names the rollup that holds the chunk (timescale) or the chunk dropped (apache)');
SELECT is(
    (SELECT last_outcome FROM maintenance.policy WHERE parent_table = 'onchain.price_snapshots'),
    CASE WHEN :'timescale' THEN 'partial' ELSE 'ok' END,
    'a held drop is not a success: the table''s outcome is partial (ok on apache)');
SELECT is((SELECT count(*)::integer FROM onchain.price_snapshots WHERE token_id = 'rw-1' AND ts < '2099-03-01'),
    CASE WHEN :'timescale' THEN 2 ELSE 0 END,
    'the rows past the cut-off are kept until their buckets are materialized (gone on apache)');

\if :timescale
CALL timescaledb.refresh_continuous_aggregate('onchain.price_ohlc_1h', '2099-02-01 00:00+00', '2099-06-01 00:00+00');
\endif

SELECT is(
    (SELECT string_agg(action || ' ' || coalesce(partition_name, '-'), ', ')
       FROM maintenance.run_policies(ARRAY['onchain.price_snapshots'], 'onchain.price_snapshots', '2099-06-01 00:00+00', false, NULL)
      WHERE action <> 'drop' OR partition_name = (SELECT chunk FROM old_chunk)),
    CASE WHEN :'timescale' THEN 'drop ' || (SELECT chunk FROM old_chunk) ELSE 'noop -' END,
    CASE WHEN :'timescale' THEN 'after a refresh past the chunk, the next run drops it' ELSE 'apache: the next run has nothing to do' END);
SELECT is((SELECT count(*)::integer FROM onchain.price_snapshots WHERE token_id = 'rw-1' AND ts < '2099-03-01'), 0,
    'the raw rows past the cut-off are gone');
SELECT results_eq(
    $$SELECT open, high, low, close, samples FROM onchain.price_ohlc_1h WHERE token_id = 'rw-1' AND bucket = '2099-02-20 10:00+00'$$,
    CASE WHEN :'timescale' THEN $$VALUES (0.400000::numeric, 0.600000::numeric, 0.400000::numeric, 0.600000::numeric, 2::bigint)$$
         ELSE $$SELECT NULL::numeric AS open, NULL::numeric AS high, NULL::numeric AS low, NULL::numeric AS close, NULL::bigint AS samples WHERE false$$ END,
    CASE WHEN :'timescale' THEN 'the rollup keeps the hour of the dropped rows, as materialized before the drop'
         ELSE 'apache: the view over the raw rows has no hour left for them' END);

-- Clean up: the rows, their materialized buckets, the jobs resumed.
DELETE FROM onchain.price_snapshots WHERE token_id = 'rw-1';
\if :timescale
CALL timescaledb.refresh_continuous_aggregate('onchain.price_ohlc_1h', '2099-02-01 00:00+00', '2099-06-01 00:00+00');
SELECT count(*) AS resumed FROM (
    SELECT timescaledb.alter_job(r.refresh_job, scheduled => true) FROM maintenance.rollups() AS r) AS resumed \gset
\endif
DELETE FROM maintenance.run_log WHERE reference_time = '2099-06-01 00:00+00';
UPDATE maintenance.policy AS p SET last_run_at = s.last_run_at, last_outcome = s.last_outcome, last_success_at = s.last_success_at
  FROM saved_state AS s WHERE p.parent_table = 'onchain.price_snapshots';

SELECT * FROM finish();
