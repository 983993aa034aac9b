-- onchain and crypto privileges follow the role model.
BEGIN;
SELECT plan(11);

SET LOCAL ROLE marketdb_writer;
SELECT lives_ok($$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker)
                  VALUES ('BTCUSDT', now(), 'p1', 1, 1, true) ON CONFLICT DO NOTHING$$, 'the writer ingests crypto trades');
SELECT lives_ok($$INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES ('A', now(), 0.5) ON CONFLICT DO NOTHING$$,
    'the writer ingests on-chain prices');
SELECT lives_ok($$INSERT INTO onchain.markets (token_id, condition_id, question, outcome) VALUES ('A', 'c', 'q?', 'yes')
                  ON CONFLICT (token_id) DO UPDATE SET question = excluded.question$$, 'the writer upserts market metadata');
SELECT throws_ok($$DELETE FROM crypto.trades$$, '42501', NULL, 'the writer cannot delete crypto trades (retention is maintenance''s)');
RESET ROLE;
SELECT is_empty($$SELECT r || ' ' || p FROM unnest(ARRAY['onchain.price_candles_1h', 'onchain.price_ohlc_1h', 'onchain.trade_volume_1h']) AS r,
                                         unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS p
                   WHERE has_table_privilege('marketdb_writer', r, p)$$,
    'the writer has no write right on the rollups');

SET LOCAL ROLE marketdb_reader;
SELECT lives_ok($$SELECT count(*) FROM onchain.price_candles_1h$$, 'the reader reads a rollup');
RESET ROLE;
SELECT is((SELECT array_agg(oid::regclass::text ORDER BY oid::regclass::text) FROM pg_class
            WHERE oid IN ('onchain.price_candles_1h'::regclass, 'onchain.price_ohlc_1h'::regclass, 'onchain.trade_volume_1h'::regclass)
              AND 'security_invoker=true' = ANY (reloptions)),
          CASE WHEN maintenance.edition() = 'timescale' THEN ARRAY['onchain.price_candles_1h']
               ELSE ARRAY['onchain.price_candles_1h', 'onchain.price_ohlc_1h', 'onchain.trade_volume_1h'] END,
          format('edition %s: the rollup views run with the reader''s rights (apache views; timescale''s rollups are continuous aggregates, the candles a view)', maintenance.edition()));

SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT count(*)::integer FROM crypto.trades WHERE trade_id = 'p1'), 1, 'the reader reads crypto trades');
SELECT throws_ok($$INSERT INTO crypto.funding (symbol, funding_ts, funding_rate) VALUES ('X', now(), 0)$$, '42501', NULL, 'the reader cannot insert');
RESET ROLE;

SET LOCAL ROLE marketdb_maintainer;
SELECT throws_ok($$SELECT count(*) FROM onchain.trades$$, '42501', NULL, 'the maintainer cannot read on-chain trades');
SELECT lives_ok($$SELECT * FROM maintenance.run_maintenance_for('crypto.trades', now(), true)$$,
    'the maintainer runs hypertable maintenance');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
