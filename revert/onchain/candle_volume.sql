-- Revert marketdb:onchain/candle_volume from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP VIEW onchain.price_candles_1h;

DO $do$
BEGIN
    IF maintenance.edition() = 'timescale' THEN
        ALTER MATERIALIZED VIEW onchain.price_ohlc_1h RENAME TO price_candles_1h;
    ELSE
        ALTER VIEW onchain.price_ohlc_1h RENAME TO price_candles_1h;
    END IF;
END
$do$;

COMMENT ON VIEW onchain.price_candles_1h IS
    'Hourly OHLC per token from onchain.price_snapshots. Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';

COMMIT;
