-- Deploy marketdb:onchain/price_candles_1h to pg
-- requires: onchain/price_snapshots

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Hourly OHLC per token from the price snapshots: a continuous aggregate on the timescale
-- edition, a view on apache, same name and columns (maintenance.create_rollup). The refresh
-- policy re-materialises the last 3 hours every hour, leaving the current hour to the
-- real-time part of the aggregate.
SELECT maintenance.create_rollup(
    'onchain.price_candles_1h',
    $query$
    SELECT token_id,
           timescaledb.time_bucket(interval '1 hour', ts) AS bucket,
           timescaledb.first(price, ts) AS open,
           max(price) AS high,
           min(price) AS low,
           timescaledb.last(price, ts) AS close,
           count(*) AS samples
      FROM onchain.price_snapshots
     GROUP BY token_id, timescaledb.time_bucket(interval '1 hour', ts)
    $query$,
    p_refresh_start => interval '3 hours',
    p_refresh_end => interval '1 hour') AS created_as;

COMMIT;
