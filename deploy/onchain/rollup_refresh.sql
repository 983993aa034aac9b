-- Deploy marketdb:onchain/rollup_refresh to pg
-- requires: onchain/price_candles_1h
-- requires: onchain/trade_volume_1h
-- requires: maintenance/registry

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Timescale edition: each hourly refresh re-materialises every bucket that changed over the
-- raw table's whole retention (from maintenance.policy, 90 days), not only the last 3 hours.
-- Continuous aggregates track changes in an invalidation log, so a refresh recomputes only
-- the buckets that late rows touched: a row up to the raw retention late is in the rollup
-- after the next refresh. The window never reaches past retention, so buckets whose raw
-- chunks maintenance has dropped are never recomputed from nothing: they stay as
-- downsampled history. On apache the rollups are views over the raw rows: nothing to do.
DO $do$
DECLARE
    v_rollup record;
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RAISE NOTICE 'TimescaleDB edition %: the rollups are views, computed from the raw rows on every read', maintenance.edition();
        RETURN;
    END IF;
    FOR v_rollup IN
        SELECT rollup::regclass AS rollup, p.retention
          FROM (VALUES ('onchain.price_candles_1h', 'onchain.price_snapshots'),
                       ('onchain.trade_volume_1h', 'onchain.trades')) AS r (rollup, raw)
          JOIN maintenance.policy AS p ON p.parent_table = r.raw
    LOOP
        PERFORM timescaledb.remove_continuous_aggregate_policy(v_rollup.rollup);
        PERFORM timescaledb.add_continuous_aggregate_policy(
            v_rollup.rollup,
            start_offset => v_rollup.retention,
            end_offset => interval '1 hour',
            schedule_interval => interval '1 hour');
    END LOOP;
END
$do$;

COMMENT ON VIEW onchain.price_candles_1h IS
    'Hourly OHLC per token from onchain.price_snapshots. Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';
COMMENT ON VIEW onchain.trade_volume_1h IS
    'Hourly trade count, volume and notional per token from onchain.trades. Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';

COMMIT;
