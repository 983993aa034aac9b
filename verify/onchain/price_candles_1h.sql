-- Verify marketdb:onchain/price_candles_1h on pg

BEGIN;

SELECT token_id, bucket, open, high, low, close, samples FROM onchain.price_candles_1h WHERE false;

ROLLBACK;
