-- Deploy marketdb:onchain/rollup_rights to pg
-- requires: onchain/price_candles_1h
-- requires: onchain/trade_volume_1h

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The schema's default privileges gave the writer INSERT and UPDATE on the rollups, as on
-- every table; nobody writes a rollup.
REVOKE INSERT, UPDATE ON onchain.price_candles_1h, onchain.trade_volume_1h FROM marketdb_writer;

-- On apache the rollups are plain views, which run with their owner's rights unless told
-- otherwise; with security_invoker a reader reads the raw rows with its own (it has them).
-- On timescale they are continuous aggregates, which have no such option.
DO $do$
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        ALTER VIEW onchain.price_candles_1h SET (security_invoker = true);
        ALTER VIEW onchain.trade_volume_1h SET (security_invoker = true);
    END IF;
END
$do$;

COMMIT;
