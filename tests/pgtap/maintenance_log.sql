-- maintenance: every run is logged (start, end, actions, error) where the reader can see it.
BEGIN;
\ir _helpers.psql
SELECT plan(10);

SELECT pg_temp.clear_partitions('exchange.trades');
CREATE TEMP TABLE last_run AS SELECT coalesce(max(run_id), 0) AS id FROM maintenance.run_log;

SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');
SELECT results_eq(
    $$SELECT parent_table, reference_time, dry_run, status, jsonb_array_length(actions), error IS NULL, finished_at >= started_at
        FROM maintenance.run_log WHERE run_id > (SELECT id FROM last_run) ORDER BY run_id$$,
    $$VALUES ('exchange.trades', '2026-03-10 12:00+00'::timestamptz, false, 'ok', 9, true, true)$$,
    'a run is logged with its table, reference time, status, its 9 actions and start and end');
SELECT is(
    (SELECT actions -> 0 ->> 'partition_name' FROM maintenance.run_log WHERE run_id > (SELECT id FROM last_run)),
    'trades_p20260309', 'the logged actions are the returned rows, in order');

UPDATE last_run SET id = (SELECT max(run_id) FROM maintenance.run_log);
SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');
SELECT is((SELECT status FROM maintenance.run_log WHERE run_id > (SELECT id FROM last_run)), 'noop', 'a run with nothing to do is logged as noop');

UPDATE last_run SET id = (SELECT max(run_id) FROM maintenance.run_log);
CREATE TEMP TABLE dry AS SELECT * FROM maintenance.run_maintenance_for('exchange.trades', '2026-03-20 12:00+00', true);
SELECT is((SELECT dry_run FROM maintenance.run_log WHERE run_id > (SELECT id FROM last_run)), true, 'a dry run is logged as one');

-- A policy whose table has gone: that table's maintenance fails, the others still run, and
-- the failure is in the result and in the log.
INSERT INTO maintenance.policy (parent_table) VALUES ('exchange.gone');
UPDATE last_run SET id = (SELECT max(run_id) FROM maintenance.run_log);
CREATE TEMP TABLE all_run AS
    SELECT * FROM maintenance.run_policies(ARRAY(SELECT parent_table FROM maintenance.policy ORDER BY 1), NULL, '2026-03-10 12:00+00', false, NULL);
SELECT alike((SELECT detail FROM all_run WHERE parent_table = 'exchange.gone' AND action = 'error'),
    '%exchange.gone%does not exist%', 'a failing table is reported as an error action with the database''s message');
SELECT is((SELECT count(DISTINCT parent_table)::integer FROM all_run WHERE action <> 'error'),
    (SELECT count(*)::integer FROM maintenance.policy WHERE parent_table <> 'exchange.gone'),
    'every other managed table was still maintained');
SELECT results_eq(
    $$SELECT parent_table IS NULL, status, error LIKE 'exchange.gone: %' FROM maintenance.run_log WHERE run_id > (SELECT id FROM last_run)$$,
    $$VALUES (true, 'error', true)$$,
    'the run over all policies is logged with status error and the error text');

-- The reader sees the log and the registry; the maintainer runs maintenance without seeing the data.
SET LOCAL ROLE marketdb_reader;
SELECT ok((SELECT count(*) FROM maintenance.run_log) >= 4, 'the reader role can read the run log');
SELECT ok((SELECT count(*) FROM maintenance.policy) >= 3, 'the reader role can read the policy registry');
RESET ROLE;
SET LOCAL ROLE marketdb_maintainer;
SELECT throws_ok('SELECT count(*) FROM maintenance.run_log', '42501', NULL, 'the maintainer role does not read tables, not even the log');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
