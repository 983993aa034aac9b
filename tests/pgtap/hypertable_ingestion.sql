-- onchain and crypto ingestion: idempotent with ON CONFLICT DO NOTHING, late and out-of-order
-- rows accepted, bad rows rejected by named constraints without losing what was stored.
BEGIN;
SELECT plan(30);

-- Each batch goes in twice; each table must hold it once.
CREATE FUNCTION pg_temp.twice(p_insert text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE p_insert || ' ON CONFLICT DO NOTHING';
    EXECUTE p_insert || ' ON CONFLICT DO NOTHING';
END $$;

SELECT pg_temp.twice($$INSERT INTO onchain.price_snapshots (token_id, ts, price, best_bid, best_ask) VALUES
    ('A', '2026-03-10 10:00+00', 0.5, 0.49, 0.51), ('A', '2026-03-10 10:01+00', 0.52, 0.5, 0.53)$$);
SELECT pg_temp.twice($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES
    ('A', '2026-03-10 10:00+00', '[[0.49, 100], [0.48, 250.5]]', '[[0.51, 80]]')$$);
SELECT pg_temp.twice($$INSERT INTO onchain.trades (trade_id, token_id, ts, price, size, side) VALUES
    ('x1', 'A', '2026-03-10 10:00+00', 0.5, 10, 'buy'), ('x2', 'A', '2026-03-10 10:00+00', 0.5, 5, 'sell')$$);
SELECT pg_temp.twice($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES
    ('BTCUSDT', '2026-03-10 10:00+00', 68000.5, 68100, 67950.25, 68050, 12.5),
    ('BTCUSDT', '2026-03-10 10:01+00', 68050, 68060, 68000, 68001, 3)$$);
SELECT pg_temp.twice($$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker, side) VALUES
    ('BTCUSDT', '2026-03-10 10:00:00.123+00', '9001', 68000.5, 0.01, true, 'sell'),
    ('BTCUSDT', '2026-03-10 10:00:00.123+00', '9002', 68000.5, 0.02, false, 'buy')$$);
SELECT pg_temp.twice($$INSERT INTO crypto.oi_snapshots (symbol, snapshot_ts, open_interest, open_interest_usd) VALUES
    ('BTCUSDT', '2026-03-10 10:00+00', 81234.5, 5523000000)$$);
SELECT pg_temp.twice($$INSERT INTO crypto.funding (symbol, funding_ts, funding_rate, rate_annualized) VALUES
    ('BTCUSDT', '2026-03-10 08:00+00', -0.0001, -0.1095)$$);

SELECT is((SELECT count(*)::integer FROM onchain.price_snapshots), 2, 'price snapshots replayed with ON CONFLICT DO NOTHING are stored once');
SELECT is((SELECT count(*)::integer FROM onchain.orderbook_snapshots), 1, 'order-book snapshots replayed are stored once');
SELECT is((SELECT count(*)::integer FROM onchain.trades), 2, 'on-chain trades with an id replayed are stored once');
SELECT is((SELECT count(*)::integer FROM crypto.candles_1m), 2, 'candles replayed are stored once');
SELECT is((SELECT count(*)::integer FROM crypto.trades), 2, 'crypto trades replayed are stored once (same time, different ids)');
SELECT is((SELECT count(*)::integer FROM crypto.oi_snapshots), 1, 'open-interest snapshots replayed are stored once');
SELECT is((SELECT count(*)::integer FROM crypto.funding), 1, 'fundings replayed are stored once');

-- Late and out-of-order rows: a year back, then in between.
INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('BTCUSDT', '2025-03-10 10:00+00', 80000, 80000, 80000, 80000, 0);
INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('BTCUSDT', '2026-01-01 00:00+00', 90000, 90001, 89999, 90000, 1);
SELECT is((SELECT count(*)::integer FROM crypto.candles_1m), 4, 'late and out-of-order candles are accepted');
INSERT INTO onchain.trades (trade_id, token_id, ts, price, size, side) VALUES (NULL, 'A', '2026-03-09 23:59+00', 0.45, 1, 'buy');
SELECT is((SELECT count(*)::integer FROM onchain.trades), 3, 'an on-chain trade without an id is accepted');

SELECT throws_like($$INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES ('A', now(), 1.01)$$,
    '%"price_snapshots_price_range"%', 'a price above 1 violates price_snapshots_price_range');
SELECT throws_like($$INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES ('A', now(), -0.01)$$,
    '%"price_snapshots_price_range"%', 'a negative price violates price_snapshots_price_range');
SELECT throws_like($$INSERT INTO onchain.price_snapshots (token_id, ts, price, best_bid, best_ask) VALUES ('A', now(), 0.5, 0.6, 0.4)$$,
    '%"price_snapshots_bid_not_above_ask"%', 'a bid above the ask violates price_snapshots_bid_not_above_ask');
SELECT throws_ilike($$INSERT INTO onchain.price_snapshots (token_id, ts, price) VALUES ('A', NULL, 0.5)$$,
    '%null value in column "ts"%', 'a snapshot without a time is rejected');
SELECT throws_like($$INSERT INTO onchain.trades (token_id, ts, price, size, side) VALUES ('A', now(), 0.5, -1, 'buy')$$,
    '%"trades_size_positive"%', 'a negative size violates trades_size_positive');
SELECT throws_like($$INSERT INTO onchain.trades (token_id, ts, price, size, side) VALUES ('A', now(), 0.5, 1, 'hold')$$,
    '%"trades_side_known"%', 'an unknown side violates trades_side_known');
SELECT throws_like($$INSERT INTO onchain.trades (token_id, ts, price, size, side) VALUES ('A', now(), 2, 1, 'buy')$$,
    '%"trades_price_range"%', 'a price above 1 violates trades_price_range');
SELECT throws_like($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES ('A', now(), '{"0.5": 10}', '[]')$$,
    '%"orderbook_snapshots_bids_levels"%', 'bids that are not an array violate orderbook_snapshots_bids_levels');
SELECT throws_like($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES ('A', now(), '[]', '[[0.5]]')$$,
    '%"orderbook_snapshots_asks_levels"%', 'a level without a size violates orderbook_snapshots_asks_levels');
SELECT throws_like($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES ('A', now(), '[["0.5", "10"]]', '[]')$$,
    '%"orderbook_snapshots_bids_levels"%', 'levels given as strings violate orderbook_snapshots_bids_levels');
SELECT throws_like($$INSERT INTO onchain.orderbook_snapshots (token_id, ts, bids, asks) VALUES ('A', now(), '[[1.5, 10]]', '[]')$$,
    '%"orderbook_snapshots_bids_levels"%', 'a level priced above 1 violates orderbook_snapshots_bids_levels');

SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('X', '2026-03-10 11:00+00', 10, 9, 11, 10, 1)$$,
    '%"candles_1m_high_not_below_open_close"%', 'high below low (and below open and close) violates candles_1m_high_not_below_open_close');
SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('X', '2026-03-10 11:00+00', 10, 12, 10.5, 11, 1)$$,
    '%"candles_1m_low_not_above_open_close"%', 'low above open violates candles_1m_low_not_above_open_close');
SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('X', '2026-03-10 11:00+00', 10, 10, 10, 10, -1)$$,
    '%"candles_1m_volumes_not_negative"%', 'a negative volume violates candles_1m_volumes_not_negative');
SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('X', '2026-03-10 11:00:30+00', 10, 10, 10, 10, 1)$$,
    '%"candles_1m_bucket_start_on_the_minute"%', 'a candle not starting on the minute violates candles_1m_bucket_start_on_the_minute');
SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume, taker_buy_volume) VALUES ('X', '2026-03-10 11:00+00', 10, 10, 10, 10, 1, 2)$$,
    '%"candles_1m_taker_buy_within_volume"%', 'taker-buy volume above volume violates candles_1m_taker_buy_within_volume');
SELECT throws_like($$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker) VALUES ('X', now(), '1', 0, 1, true)$$,
    '%"trades_price_positive"%', 'a zero price violates trades_price_positive');
SELECT throws_like($$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker) VALUES ('X', now(), '1', 1, -2, true)$$,
    '%"trades_quantity_positive"%', 'a negative quantity violates trades_quantity_positive');
SELECT throws_like($$INSERT INTO crypto.trades (symbol, trade_ts, trade_id, price, quantity, is_buyer_maker, side) VALUES ('X', now(), '1', 1, 1, true, 'long')$$,
    '%"trades_side_known"%', 'an unknown side violates trades_side_known');
SELECT throws_like($$INSERT INTO crypto.oi_snapshots (symbol, snapshot_ts, open_interest) VALUES ('X', now(), -5)$$,
    '%"oi_snapshots_open_interest_not_negative"%', 'negative open interest violates oi_snapshots_open_interest_not_negative');

SELECT results_eq(
    $$SELECT (SELECT count(*) FROM onchain.price_snapshots) + (SELECT count(*) FROM onchain.orderbook_snapshots)
           + (SELECT count(*) FROM onchain.trades) + (SELECT count(*) FROM crypto.candles_1m) + (SELECT count(*) FROM crypto.trades)
           + (SELECT count(*) FROM crypto.oi_snapshots) + (SELECT count(*) FROM crypto.funding)$$,
    $$VALUES (14::bigint)$$,
    'after every rejection the 14 stored rows are all still there');

SELECT * FROM finish();
ROLLBACK;
