-- maintenance.assert_checks_addable: a deploy that adds CHECKs to hypertables stops first,
-- naming them, where this TimescaleDB cannot add them to hypertables holding compressed
-- chunks (2.19); where it can (2.29), the CHECKs are added, validated against the rows
-- already compressed, and refuse bad rows into compressed ranges by name. Which of the two
-- this server is, maintenance.can_add_checks() finds by trying.
BEGIN;
SELECT plan(5);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());
SELECT maintenance.edition() = 'timescale' AS timescale \gset

-- A good row, and one (price 5000) that a cap of 1000 would not allow.
INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker)
VALUES ('BTCUSDT', '2026-03-10 12:00+00', '1', 100, 1, true), ('BTCUSDT', '2026-03-10 12:01+00', '2', 5000, 1, true);
SELECT lives_ok($$SELECT maintenance.assert_checks_addable('test', ARRAY['crypto.trades', 'crypto.funding']::regclass[])$$,
    'nothing compressed: the deploy goes on');

\if :timescale
SELECT count(timescaledb.compress_chunk(c)) AS compressed FROM timescaledb.show_chunks('crypto.trades') AS c \gset
SELECT maintenance.can_add_checks('crypto.trades') AS capable \gset
SELECT diag(format('TimescaleDB %s %s CHECKs to a hypertable holding compressed chunks',
                   (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'), CASE WHEN :'capable' THEN 'adds' ELSE 'does not add' END));
\if :capable
SELECT lives_ok($$SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.trades', 'crypto.funding']::regclass[])$$,
    'this release adds CHECKs to hypertables holding compressed chunks: the deploy goes on');
SELECT throws_like(
    $$SELECT maintenance.add_checks('test', 'crypto.trades', ARRAY['trades_test_price_cap'], ARRAY['price < 1000'])$$,
    'check constraint "trades_test_price_cap" of relation % is violated by some row',
    'rows already compressed are validated: a CHECK a compressed row breaks is refused by name');
SELECT lives_ok(
    $$SELECT maintenance.add_checks('test', 'crypto.trades', ARRAY['trades_test_price_cap'], ARRAY['price < 10000'])$$,
    'a CHECK every compressed row meets is added');
SELECT throws_like(
    $$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker)
      VALUES ('BTCUSDT', '2026-03-10 12:02+00', '3', 50000, 1, true)$$,
    'new row for relation % violates check constraint "trades_test_price_cap"',
    'a bad row into the compressed range is refused by the CHECK''s name');
\else
SELECT throws_ok($$SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.trades', 'crypto.funding']::regclass[])$$,
    '55000', 'crypto/row_rules: TimescaleDB ' || (SELECT substring(extversion FROM '^[0-9]+\.[0-9]+') FROM pg_extension WHERE extname = 'timescaledb')
             || ' cannot add CHECK constraints to hypertables holding compressed chunks: crypto.trades (1 compressed chunks)',
    'this release refuses CHECKs on hypertables holding compressed chunks: the deploy stops, naming the hypertable and the change');
SELECT throws_ok($$SELECT maintenance.add_checks('test', 'crypto.trades', ARRAY['trades_test_price_cap'], ARRAY['price < 10000'])$$,
    '55000', NULL, 'add_checks stops the same way before touching the table');
SELECT ok(EXISTS (SELECT FROM timescaledb_information.chunks WHERE hypertable_name = 'trades' AND hypertable_schema = 'crypto' AND is_compressed),
    'the chunk stays compressed: the guard changes nothing');
SELECT is_empty($$SELECT conname FROM pg_constraint WHERE conname IN ('marketdb_check_probe', 'trades_test_price_cap')$$,
    'neither the probe nor the refused CHECK is left behind');
\endif
\else
-- The apache edition has no compression: nothing can block adding a CHECK.
SELECT lives_ok($$SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.trades']::regclass[])$$,
    'apache edition: no compression, the deploy goes on');
SELECT is((SELECT count(*) FROM crypto.trades), 2::bigint, 'the guard changes nothing');
SELECT ok(maintenance.can_add_checks('crypto.trades'), 'apache edition: a CHECK can be added');
SELECT is_empty($$SELECT conname FROM pg_constraint WHERE conname = 'marketdb_check_probe'$$,
    'the probe leaves no constraint behind');
\endif

SELECT * FROM finish();
ROLLBACK;
