-- Deploy marketdb:onchain/candle_volume to pg
-- requires: onchain/rollup_refresh
-- requires: onchain/rollup_rights

-- The seed's price_candles_1h is OHLCV. Prices come from the snapshots, volume from the
-- trades: the tokens traded in the hour (onchain.trade_volume_1h.volume, 0 for an hour
-- without trades). A continuous aggregate reads one hypertable and cannot join, so the OHLC
-- rollup is renamed price_ohlc_1h (a continuous aggregate keeps its refresh policy across a
-- rename) and price_candles_1h becomes a view joining the two rollups by token and hour.
-- Readers of the seed's name get OHLCV; on the timescale edition both halves are
-- materialised, on apache both are views over the raw rows.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DO $do$
BEGIN
    IF maintenance.edition() = 'timescale' THEN
        ALTER MATERIALIZED VIEW onchain.price_candles_1h RENAME TO price_ohlc_1h;
    ELSE
        ALTER VIEW onchain.price_candles_1h RENAME TO price_ohlc_1h;
    END IF;
END
$do$;

COMMENT ON VIEW onchain.price_ohlc_1h IS
    'Hourly OHLC per token from onchain.price_snapshots (read price_candles_1h for OHLCV). Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';

CREATE VIEW onchain.price_candles_1h WITH (security_invoker = true) AS
SELECT c.token_id,
       c.bucket,
       c.open,
       c.high,
       c.low,
       c.close,
       coalesce(v.volume, 0) AS volume,
       c.samples
  FROM onchain.price_ohlc_1h AS c
  LEFT JOIN onchain.trade_volume_1h AS v ON v.token_id = c.token_id AND v.bucket = c.bucket;

COMMENT ON VIEW onchain.price_candles_1h IS
    'Hourly OHLCV per token, the seed''s candles: OHLC of the price snapshots (price_ohlc_1h), volume the tokens traded in the hour (trade_volume_1h, 0 without trades)';

-- The schema's default privileges grant the writer INSERT and UPDATE on it, as on every
-- table; nobody writes a rollup (as onchain/rollup_rights).
REVOKE INSERT, UPDATE ON onchain.price_candles_1h FROM marketdb_writer;

COMMIT;
