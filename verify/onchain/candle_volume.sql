-- Verify marketdb:onchain/candle_volume on pg

BEGIN;

SELECT token_id, bucket, open, high, low, close, volume, samples FROM onchain.price_candles_1h WHERE false;
SELECT token_id, bucket, open, high, low, close, samples FROM onchain.price_ohlc_1h WHERE false;

ROLLBACK;
