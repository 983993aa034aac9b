-- exchange and maintenance privileges, per role, in action.
BEGIN;
SELECT plan(26);

-- Writer: ingests, never deletes.
SET LOCAL ROLE marketdb_writer;
SELECT lives_ok($$INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
                  VALUES ('p-1', 'T', now(), 50, 50, 1, 'yes') ON CONFLICT DO NOTHING$$,
    'the writer inserts trades with ON CONFLICT DO NOTHING');
SELECT lives_ok($$INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
                  VALUES ('p-2', 'T', now() + interval '10 days', 50, 50, 1, 'yes')$$,
    'the writer inserts a trade for a day without a partition (it lands in the default partition)');
SELECT lives_ok($$INSERT INTO exchange.markets (ticker, event_ticker, series_ticker, title) VALUES ('M', 'E', 'S', 'm')
                  ON CONFLICT (ticker) DO UPDATE SET title = excluded.title$$,
    'the writer upserts reference data');
SELECT throws_ok($$DELETE FROM exchange.trades$$, '42501', NULL, 'the writer cannot delete trades');
SELECT throws_ok($$TRUNCATE exchange.trades$$, '42501', NULL, 'the writer cannot truncate trades');
SELECT throws_ok($$UPDATE exchange.market_snapshots SET ts = ts - interval '1 year'$$, '42501', NULL,
    'the writer cannot move snapshots in time (out of retention''s way, or into it)');
SELECT throws_ok($$UPDATE exchange.trades SET ts = ts - interval '1 day', trade_id = 'x'$$, '42501', NULL,
    'the writer cannot change a trade''s key or time');
SELECT throws_ok($$UPDATE exchange.orderbook_deltas SET ts = now()$$, '42501', NULL, 'the writer cannot change a delta''s time');
SELECT lives_ok($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('UPS', now(), 40, 45)
                  ON CONFLICT (ticker, ts) DO NOTHING$$, 'the writer inserts a snapshot');
SELECT lives_ok($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)
                  SELECT ticker, ts, 41, 46 FROM exchange.market_snapshots WHERE ticker = 'UPS'
                  ON CONFLICT (ticker, ts) DO UPDATE SET yes_bid = excluded.yes_bid, yes_ask = excluded.yes_ask$$,
    'the writer corrects a snapshot''s values with ON CONFLICT DO UPDATE');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance()$$, '42501', NULL, 'the writer cannot run maintenance');
RESET ROLE;

-- Reader: reads everything, writes nothing.
SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT count(*)::integer FROM exchange.trades WHERE trade_id LIKE 'p-%'), 2, 'the reader reads trades');
SELECT lives_ok($$SELECT * FROM maintenance.partition_status()$$, 'the reader reads the maintenance status');
SELECT throws_ok($$INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
                   VALUES ('p-3', 'T', now(), 50, 50, 1, 'yes')$$, '42501', NULL, 'the reader cannot insert');
SELECT throws_ok($$UPDATE exchange.markets SET title = 'x'$$, '42501', NULL, 'the reader cannot update');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance()$$, '42501', NULL, 'the reader cannot run maintenance');
RESET ROLE;

-- Maintainer: runs maintenance and nothing else.
SET LOCAL ROLE marketdb_maintainer;
SELECT lives_ok($$SELECT * FROM maintenance.run_maintenance(now(), true)$$, 'the maintainer dry-runs maintenance on every table');
SELECT lives_ok($$SELECT * FROM maintenance.prepare_rescue('exchange.trades')$$, 'the maintainer prepares the rescue of one table');
SELECT lives_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades')$$, 'the maintainer runs maintenance on one table');
SELECT lives_ok($$SELECT * FROM maintenance.partition_status()$$, 'the maintainer reads the maintenance status');
SELECT throws_ok($$SELECT count(*) FROM exchange.trades$$, '42501', NULL, 'the maintainer cannot read trades');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.trades')$$, '42501', NULL, 'the maintainer cannot register tables');
SELECT throws_ok($$UPDATE maintenance.policy SET premake_days = 30$$, '42501', NULL, 'the maintainer cannot change policies');
RESET ROLE;

SELECT is((SELECT count(*)::integer FROM exchange.trades_default WHERE trade_id = 'p-2'), 0,
    'the maintainer''s run rescued the writer''s row out of the default partition');

-- Partitions made by maintenance are granted by the default-privilege rule like any table.
SELECT table_privs_are('exchange', 'trades_p' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD'), 'marketdb_reader', ARRAY['SELECT'],
    'a partition made by maintenance is readable by the reader');
SELECT is(
    (SELECT relowner::regrole::text FROM pg_class WHERE oid = ('exchange.trades_p' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD'))::regclass),
    'marketdb_owner', 'partitions made by maintenance belong to the owner role');

SELECT * FROM finish();
ROLLBACK;
