-- Revert marketdb:onchain/rollup_rights from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DO $do$
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        ALTER VIEW onchain.price_candles_1h RESET (security_invoker);
        ALTER VIEW onchain.trade_volume_1h RESET (security_invoker);
    END IF;
END
$do$;

GRANT INSERT, UPDATE ON onchain.price_candles_1h, onchain.trade_volume_1h TO marketdb_writer;

COMMIT;
