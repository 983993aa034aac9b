-- maintenance.assert_checks_addable: a deploy that adds CHECKs to hypertables stops first,
-- naming them, where this TimescaleDB cannot add them (compressed chunks, before 2.20).
BEGIN;
SELECT plan(3);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());
SELECT maintenance.edition() = 'timescale' AS timescale \gset

INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker)
VALUES ('BTCUSDT', '2026-03-10 12:00+00', '1', 100, 1, true);
SELECT lives_ok($$SELECT maintenance.assert_checks_addable('test', ARRAY['crypto.trades', 'crypto.funding']::regclass[])$$,
    'nothing compressed: the deploy goes on');

\if :timescale
SELECT count(timescaledb.compress_chunk(c)) AS compressed FROM timescaledb.show_chunks('crypto.trades') AS c \gset
SELECT throws_ok($$SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.trades', 'crypto.funding']::regclass[])$$,
    '55000', 'crypto/row_rules: TimescaleDB ' || (SELECT substring(extversion FROM '^[0-9]+\.[0-9]+') FROM pg_extension WHERE extname = 'timescaledb')
             || ' cannot add CHECK constraints to hypertables holding compressed chunks: crypto.trades (1 compressed chunks)',
    'timescale edition: a compressed chunk stops the deploy, naming the hypertable and the change');
SELECT ok(EXISTS (SELECT FROM timescaledb_information.chunks WHERE hypertable_name = 'trades' AND hypertable_schema = 'crypto' AND is_compressed),
    'the chunk stays compressed: the guard changes nothing');
\else
-- The apache edition has no compression: nothing can block adding a CHECK.
SELECT lives_ok($$SELECT maintenance.assert_checks_addable('crypto/row_rules', ARRAY['crypto.trades']::regclass[])$$,
    'apache edition: no compression, the deploy goes on');
SELECT is((SELECT count(*) FROM crypto.trades), 1::bigint, 'the guard changes nothing');
\endif

SELECT * FROM finish();
ROLLBACK;
