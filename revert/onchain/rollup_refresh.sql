-- Revert marketdb:onchain/rollup_refresh from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Back to the policies onchain/price_candles_1h and onchain/trade_volume_1h made.
DO $do$
DECLARE
    v_rollup regclass;
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RETURN;
    END IF;
    FOREACH v_rollup IN ARRAY ARRAY['onchain.price_candles_1h'::regclass, 'onchain.trade_volume_1h'::regclass] LOOP
        PERFORM timescaledb.remove_continuous_aggregate_policy(v_rollup);
        PERFORM timescaledb.add_continuous_aggregate_policy(
            v_rollup, start_offset => interval '3 hours', end_offset => interval '1 hour', schedule_interval => interval '1 hour');
    END LOOP;
END
$do$;

COMMENT ON VIEW onchain.price_candles_1h IS NULL;
COMMENT ON VIEW onchain.trade_volume_1h IS NULL;

COMMIT;
