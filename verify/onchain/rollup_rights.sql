-- Verify marketdb:onchain/rollup_rights on pg

BEGIN;

SELECT 1 / (NOT has_table_privilege('marketdb_writer', 'onchain.price_candles_1h', 'INSERT')
            AND NOT has_table_privilege('marketdb_writer', 'onchain.trade_volume_1h', 'UPDATE'))::integer;
-- The OHLC rollup is price_candles_1h here and price_ohlc_1h after onchain/candle_volume
-- (which makes price_candles_1h a security_invoker view on both editions).
SELECT 1 / (count(*) = CASE WHEN maintenance.edition() = 'timescale' THEN 0 ELSE 2 END)::integer
  FROM pg_class AS c
 WHERE c.oid IN (coalesce(to_regclass('onchain.price_ohlc_1h'), 'onchain.price_candles_1h'::regclass), 'onchain.trade_volume_1h'::regclass)
   AND 'security_invoker=true' = ANY (c.reloptions);

ROLLBACK;
