-- The seeds' own statements, as their design documents (../shared/seeds/) write them, with
-- only search_path set to the domain schema (and public, where pgTAP lives), mostly as the
-- writer role. Where marketdb
-- deliberately differs, the README says why ("The seeds' names"); those statements are
-- written here as the README tells the seed's code to write them.
BEGIN;
SELECT plan(18);

CREATE FUNCTION pg_temp.explain(p_query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    FOR r IN EXECUTE 'EXPLAIN ' || p_query LOOP
        RETURN NEXT r."QUERY PLAN";
    END LOOP;
END $$;

SET LOCAL ROLE marketdb_writer;

-- 002 crypto: db.repository's upserts and reads.
SET LOCAL search_path = crypto, public;
SELECT lives_ok($$
    INSERT INTO candles_1m (symbol, bucket_start, open, high, low, close, volume)
    VALUES ('BTCUSDT', '2026-03-10 10:00+00', 64000.12, 64120.55, 63950.02, 64080.10, 152.4)
    ON CONFLICT (symbol, bucket_start) DO UPDATE SET close = excluded.close, volume = excluded.volume$$,
    '002: upsert_candles on (symbol, bucket_start)');
SELECT lives_ok($$
    INSERT INTO trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker, side)
    VALUES ('BTCUSDT', '2026-03-10 10:00:01+00', '1', 64000, 0.5, true, 'sell')
    ON CONFLICT (symbol, trade_ts, trade_id) DO NOTHING$$,
    '002: upsert_trades with trade_ts and is_buyer_maker');
SELECT lives_ok($$
    INSERT INTO oi_snapshots (symbol, snapshot_ts, open_interest, open_interest_usd, open_interest_bps)
    VALUES ('BTCUSDT', '2026-03-10 10:00+00', 1000, 64000000, 12.5)
    ON CONFLICT (symbol, snapshot_ts) DO UPDATE SET open_interest = excluded.open_interest$$,
    '002: upsert_open_interest with snapshot_ts and the basis-points figure');
SELECT lives_ok($$
    INSERT INTO funding (symbol, funding_ts, funding_rate, rate_annualized, payment)
    VALUES ('BTCUSDT', '2026-03-10 08:00+00', 0.0001, 0.1095, 1.2)
    ON CONFLICT (symbol, funding_ts) DO UPDATE SET funding_rate = excluded.funding_rate$$,
    '002: upsert_funding with funding_ts and funding_rate');
SELECT results_eq($$
    SELECT (SELECT count(*) FROM candles_1m WHERE symbol = 'BTCUSDT' AND bucket_start >= '2026-03-10 09:00+00' AND bucket_start < '2026-03-10 11:00+00'),
           (SELECT count(*) FROM trades WHERE symbol = 'BTCUSDT' AND trade_ts > '2026-03-10' AND is_buyer_maker),
           (SELECT count(*) FROM oi_snapshots WHERE symbol = 'BTCUSDT' AND snapshot_ts <= '2026-03-10 12:00+00'),
           (SELECT count(*) FROM funding WHERE funding_rate > 0 AND funding_ts BETWEEN '2026-03-10' AND '2026-03-11')$$,
    $$VALUES (1::bigint, 1::bigint, 1::bigint, 1::bigint)$$,
    '002: fetch_candles, recent_trades, latest_open_interest, latest_funding by the seed''s columns');

-- 001 macro: metadata keyed by id (a backfill keeps the seed's ids), rate_limit, market_data.timestamp.
RESET ROLE;
SET LOCAL search_path = macro, public;
SELECT lives_ok($$
    INSERT INTO instruments (id, ticker, asset_class, country, currency) VALUES (501, 'SPX', 'equity_index', 'US', 'USD');
    INSERT INTO data_sources (id, name, base_url, auth_type, rate_limit) VALUES (7, 'FRED', 'https://fred.example', 'api_key', 120);
    INSERT INTO series_metadata (id, source_id, series_code, frequency) VALUES (42, 7, 'CPIAUCSL', 'monthly')$$,
    '001: metadata rows keep the ids a backfill brings (plain auto-increment in the seed)');
SET LOCAL ROLE marketdb_writer;
SELECT lives_ok($$
    INSERT INTO market_data (instrument_id, "timestamp", open, high, low, close, volume)
    VALUES (501, '2026-03-10', 5000, 5010, 4990, 5005, 1e9)
    ON CONFLICT (instrument_id, "timestamp") DO NOTHING$$,
    '001: market_data by instrument_id and timestamp, ON CONFLICT on the natural key');
SELECT results_eq($$
    SELECT i.ticker, s.name, s.rate_limit, m.series_code
      FROM instruments AS i, data_sources AS s JOIN series_metadata AS m ON m.source_id = s.id
     WHERE i.id = 501 AND s.id = 7$$,
    $$VALUES ('SPX', 'FRED', 120, 'CPIAUCSL')$$,
    '001: joins on id');
RESET ROLE;
SELECT lives_ok($$
    INSERT INTO market_data (id, instrument_id, "timestamp", close) OVERRIDING SYSTEM VALUE VALUES (9001, 501, '2026-03-09', 4990)$$,
    '001: a backfill keeps a hypertable row''s id with OVERRIDING SYSTEM VALUE (README)');

-- 004 equities: the vendor's asset types, market_data.time, corporate_actions.date.
SET LOCAL search_path = equities, public;
SET LOCAL ROLE marketdb_writer;
SELECT lives_ok($$
    INSERT INTO assets (symbol, exchange, asset_type, is_active) VALUES ('AAPL.US', 'US', 'Common Stock', true), ('SPY.US', 'US', 'ETF', true)$$,
    '004: assets with the vendor''s asset_type values');
SELECT lives_ok($$
    INSERT INTO market_data ("time", symbol, open, high, low, close, adjusted_close, volume)
    VALUES ('2026-03-10', 'AAPL.US', 170.1, 172.5, 169.8, 171.9, 171.9, 51234567)
    ON CONFLICT ("time", symbol) DO NOTHING$$,
    '004: market_data by (time, symbol), its primary key');
SELECT lives_ok($$
    INSERT INTO corporate_actions ("date", symbol, action_type, value, currency) VALUES ('2026-03-10', 'AAPL.US', 'dividend', 0.25, 'USD'),
                                                                                    ('2026-03-10', 'AAPL.US', 'split', 4, NULL)
    ON CONFLICT ("date", symbol, action_type) DO NOTHING$$,
    '004: a split and a dividend on one date (key date, symbol, action_type; README)');
SELECT results_eq($$
    SELECT (SELECT count(*) FROM market_data WHERE symbol = 'AAPL.US' AND "time" >= '2026-03-01'),
           (SELECT count(*) FROM corporate_actions WHERE symbol = 'AAPL.US' AND "date" = '2026-03-10')$$,
    $$VALUES (1::bigint, 2::bigint)$$,
    '004: reads by time and date');

-- 000 on-chain: its schema test's index name, and its partial index on active markets.
RESET ROLE;
SET LOCAL search_path = onchain, public;
SELECT ok(EXISTS (SELECT FROM pg_indexes WHERE schemaname = 'onchain' AND tablename = 'trades' AND indexname = 'idx_trades_trade_id'),
    '000: the unique trade index is idx_trades_trade_id');
INSERT INTO markets (token_id, condition_id, question, outcome, active, closed, end_date)
SELECT 'tok' || g, 'cond' || g, 'Q' || g, 'Yes', g % 10 = 0, g % 20 = 0, timestamptz '2026-03-10' + g * interval '1 hour'
  FROM generate_series(1, 2000) AS g;
ANALYZE markets;
SET LOCAL enable_seqscan = off;
SELECT ok((SELECT string_agg(e.plan, ' ') FROM pg_temp.explain('SELECT token_id FROM onchain.markets WHERE active ORDER BY end_date') AS e(plan)) ~ 'markets_active_end_date_idx',
    '000: a query on active markets alone uses the partial index');
SELECT ok((SELECT string_agg(e.plan, ' ') FROM pg_temp.explain('SELECT token_id FROM onchain.markets WHERE active AND NOT closed ORDER BY end_date') AS e(plan)) ~ 'markets_active_end_date_idx',
    '000: so does one on active, open markets');
RESET enable_seqscan;
-- The next hour: above any refresh's watermark, so the timescale edition's real-time
-- aggregate answers whatever other files refreshed.
SELECT date_trunc('hour', now()) + interval '1 hour' AS next_hour \gset
INSERT INTO price_snapshots (token_id, ts, price) VALUES ('tok1', :'next_hour'::timestamptz + interval '5 minutes', 0.40),
                                                         ('tok1', :'next_hour'::timestamptz + interval '35 minutes', 0.45);
INSERT INTO trades (trade_id, token_id, ts, price, size, side) VALUES ('0xa-1', 'tok1', :'next_hour'::timestamptz + interval '10 minutes', 0.41, 25, 'buy'),
                                                                      ('0xa-2', 'tok1', :'next_hour'::timestamptz + interval '40 minutes', 0.45, 15, 'sell');
SELECT results_eq(format($$SELECT open, high, low, close, volume FROM price_candles_1h WHERE token_id = 'tok1' AND bucket = %L$$, :'next_hour'),
    $$VALUES (0.400000::numeric, 0.450000::numeric, 0.400000::numeric, 0.450000::numeric, 40.000000::numeric)$$,
    '000: price_candles_1h is OHLCV (volume: the size traded in the hour)');

-- 003 exchange: the seed's names are marketdb's.
SET LOCAL search_path = exchange, public;
SELECT has_column('exchange', 'trades', 'trade_id', '003: exchange tables as the seed names them');

SELECT * FROM finish();
ROLLBACK;
