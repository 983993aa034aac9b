-- The change capture of a rescue (and of a merge) logs every change to the table it watches,
-- including those a logical subscription's apply worker makes: it writes with
-- session_replication_role = replica, under which ordinary triggers do not fire.
BEGIN;
\ir _helpers.psql
SELECT plan(6);

SELECT pg_temp.clear_partitions('exchange.trades');
SELECT maintenance.set_capture('exchange.trades_default', true);

SELECT is((SELECT tgenabled::text FROM pg_trigger WHERE tgrelid = 'exchange.trades_default'::regclass AND tgname = 'marketdb_rescue_capture'),
    'A', 'the capture trigger fires always, whatever session_replication_role says');

-- As an apply worker writes (a superuser setting; this suite runs as one).
SET LOCAL session_replication_role = replica;
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('sub-1', 'T', '2026-03-01 10:00+00', 40, 60, 1, 'yes'), ('sub-2', 'T', '2026-03-01 11:00+00', 40, 60, 1, 'yes');
UPDATE exchange.trades SET count = 5 WHERE trade_id = 'sub-1';
DELETE FROM exchange.trades WHERE trade_id = 'sub-2';
RESET session_replication_role;

DO $$ BEGIN
    EXECUTE format('CREATE TEMP TABLE capture_log AS SELECT * FROM %s', maintenance.capture_log('exchange.trades_default'));
END $$;
SELECT is(ARRAY(SELECT marketdb_op::text || ' ' || trade_id || ' ' || count FROM capture_log ORDER BY marketdb_seq),
    ARRAY['I sub-1 1', 'I sub-2 1', 'D sub-1 1', 'I sub-1 5', 'D sub-2 1'],
    'inserts, updates and deletes made as a subscription''s apply worker are logged, in order');
SELECT is((SELECT count(*)::integer FROM exchange.trades_default), 1, '... and made: the default partition holds sub-1');
SELECT is((SELECT count FROM exchange.trades WHERE trade_id = 'sub-1'), 5, '... updated');

SELECT maintenance.set_capture('exchange.trades_default', false);
SELECT is((SELECT count(*)::integer FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture'), 0, 'removing the capture drops its trigger');
SELECT is(to_regclass(format('maintenance.%I', 'rescue_log_' || 'exchange.trades_default'::regclass::oid)), NULL, '... and its log');

SELECT * FROM finish();
ROLLBACK;
