-- Verify marketdb:onchain/trade_volume_1h on pg

BEGIN;

SELECT token_id, bucket, trade_count, volume, notional FROM onchain.trade_volume_1h WHERE false;

ROLLBACK;
