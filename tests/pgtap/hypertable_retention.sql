-- Hypertable retention by maintenance (drop_chunks, both editions), at a fixed reference time.
BEGIN;
SELECT plan(18);

-- crypto.trades: 3 day chunks, 30 days. At 2026-03-10 12:00 the cut-off is 2026-02-08 12:00.
INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker)
SELECT 'BTCUSDT', timestamptz '2026-03-10 12:00+00' - d * interval '1 day', 'r' || d, 68000, 1, true
  FROM unnest(ARRAY[60, 45, 29, 10, 1]) AS d;

CREATE TEMP TABLE chunks_before AS
SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk, range_end
  FROM timescaledb_information.chunks WHERE hypertable_schema = 'crypto' AND hypertable_name = 'trades';
CREATE TEMP TABLE doomed AS SELECT chunk FROM chunks_before WHERE range_end <= '2026-02-08 12:00+00';

SELECT is((SELECT count(*)::integer FROM doomed), 2, 'two of the five chunks end before the cut-off (the rows 60 and 45 days old)');

SELECT set_eq(
    $$SELECT partition_name FROM maintenance.run_maintenance_for('crypto.trades', '2026-03-10 12:00+00', true) WHERE action = 'drop'$$,
    'SELECT chunk FROM doomed',
    'a dry run names exactly the chunks wholly older than reference time - retention');
SELECT is((SELECT count(*)::integer FROM timescaledb.show_chunks('crypto.trades')), 5, 'a dry run drops nothing');

SELECT set_eq(
    $$SELECT partition_name FROM maintenance.run_policies(ARRAY['crypto.trades'], 'crypto.trades', '2026-03-10 12:00+00', false, NULL) WHERE action = 'drop'$$,
    'SELECT chunk FROM doomed',
    'the run drops exactly those chunks');
SELECT set_eq(
    $$SELECT c::text FROM timescaledb.show_chunks('crypto.trades') AS c$$,
    'SELECT chunk FROM chunks_before EXCEPT SELECT chunk FROM doomed',
    'every other chunk is still there');
SELECT set_eq($$SELECT trade_id FROM crypto.trades$$, ARRAY['r29', 'r10', 'r1'],
    'rows 29, 10 and 1 days old are kept; 60 and 45 days old are gone');
SELECT is(
    (SELECT array_agg(action) FROM maintenance.run_policies(ARRAY['crypto.trades'], 'crypto.trades', '2026-03-10 12:00+00', false, NULL)),
    ARRAY['noop'], 'a second run at the same reference time does nothing');
SELECT results_eq(
    $$SELECT partitions, rows_in_default, retention, next_retention_cutoff
        FROM maintenance.partition_status('2026-03-10 12:00+00') WHERE parent_table = 'crypto.trades'$$,
    $$VALUES (3, NULL::bigint, interval '30 days', '2026-02-08 12:00+00'::timestamptz)$$,
    'partition_status counts a hypertable''s chunks and shows its next cut-off');

-- The chunk with the newest row stays, however old: crypto.oi_snapshots keeps 120 days.
INSERT INTO crypto.oi_snapshots (symbol, snapshot_ts, open_interest) VALUES ('ETHUSDT', '2025-08-22 00:00+00', 10);
SELECT is(
    (SELECT array_agg(action) FROM maintenance.run_policies(ARRAY['crypto.oi_snapshots'], 'crypto.oi_snapshots', '2026-03-10 12:00+00', false, NULL)),
    ARRAY['noop'], 'a chunk past retention holding the newest row is kept (a stopped feed keeps its last data)');
INSERT INTO crypto.oi_snapshots (symbol, snapshot_ts, open_interest) VALUES ('ETHUSDT', '2026-03-10 11:00+00', 12);
SELECT is(
    (SELECT array_agg(action || ' ' || rows_moved) FROM maintenance.run_policies(ARRAY['crypto.oi_snapshots'], 'crypto.oi_snapshots', '2026-03-10 12:00+00', false, NULL)),
    ARRAY['drop 1'], 'once a newer row exists, the old chunk goes');

SELECT alike(
    (SELECT detail FROM maintenance.run_policies(ARRAY['onchain.orderbook_snapshots'], 'onchain.orderbook_snapshots', '2026-03-10 12:00+00', false, NULL)),
    'nothing to do: no retention%', 'order-book snapshots have no retention: maintenance leaves them alone');

-- A hypertable on a date column: retention works the same (macro tables keep everything by
-- default; a DBA may set one).
UPDATE maintenance.policy SET retention = interval '400 days' WHERE parent_table = 'macro.flow_data';
INSERT INTO macro.data_sources (name) VALUES ('RET');
INSERT INTO macro.series_metadata (source_id, series_code, frequency) SELECT id, 'F', 'weekly' FROM macro.data_sources WHERE name = 'RET';
INSERT INTO macro.flow_data (series_id, observation_date, value)
SELECT id, d::date, 1 FROM macro.series_metadata, unnest(ARRAY['2020-01-03', '2026-03-06']) AS d WHERE series_code = 'F';
SELECT is(
    (SELECT array_agg(action || ' ' || rows_moved) FROM maintenance.run_policies(ARRAY['macro.flow_data'], 'macro.flow_data', '2026-03-10 12:00+00', false, NULL)),
    ARRAY['drop 1'], 'retention drops the old chunk of a hypertable partitioned on a date column');
SELECT set_eq($$SELECT observation_date FROM macro.flow_data$$, $$VALUES ('2026-03-06'::date)$$, 'only the old observation went with it');

-- Bad arguments and registry values for hypertables.
SELECT throws_ok($$SELECT maintenance.register_hypertable('exchange.trades')$$,
    '22023', 'p_hypertable: exchange.trades is not a hypertable', 'registering a table that is not a hypertable is rejected');
SELECT throws_ok($$SELECT maintenance.register_hypertable('crypto.nope')$$,
    '42P01', 'p_hypertable: table "crypto.nope" does not exist', 'registering an unknown table is rejected, naming p_hypertable');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('crypto.trades', now(), false, 3)$$,
    '22023', 'p_premake_days: crypto.trades is a hypertable, whose chunks are made by inserts; pass NULL',
    'a premake for a hypertable is rejected');
SELECT throws_like($$UPDATE maintenance.policy SET retention_action = 'detach' WHERE parent_table = 'crypto.trades'$$,
    '%"policy_hypertable_retention_drops"%', 'the registry rejects detach for a hypertable');
SELECT throws_like($$UPDATE maintenance.policy SET premake_days = 7 WHERE parent_table = 'crypto.trades'$$,
    '%"policy_hypertable_no_premake"%', 'the registry rejects a premake for a hypertable');

SELECT * FROM finish();
ROLLBACK;
