-- Deploy marketdb:onchain/trade_volume_1h to pg
-- requires: onchain/trades

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Hourly trade count, volume (tokens) and notional (price x size) per token: a continuous
-- aggregate on the timescale edition, a view on apache (see onchain/price_candles_1h).
SELECT maintenance.create_rollup(
    'onchain.trade_volume_1h',
    $query$
    SELECT token_id,
           timescaledb.time_bucket(interval '1 hour', ts) AS bucket,
           count(*) AS trade_count,
           sum(size) AS volume,
           sum(price * size) AS notional
      FROM onchain.trades
     GROUP BY token_id, timescaledb.time_bucket(interval '1 hour', ts)
    $query$,
    p_refresh_start => interval '3 hours',
    p_refresh_end => interval '1 hour') AS created_as;

COMMIT;
