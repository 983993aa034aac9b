-- Verify marketdb:onchain/rollup_rights on pg

BEGIN;

SELECT 1 / (NOT has_table_privilege('marketdb_writer', 'onchain.price_candles_1h', 'INSERT')
            AND NOT has_table_privilege('marketdb_writer', 'onchain.trade_volume_1h', 'UPDATE'))::integer;
SELECT 1 / (count(*) = CASE WHEN maintenance.edition() = 'timescale' THEN 0 ELSE 2 END)::integer
  FROM pg_class AS c
 WHERE c.oid IN ('onchain.price_candles_1h'::regclass, 'onchain.trade_volume_1h'::regclass)
   AND 'security_invoker=true' = ANY (c.reloptions);

ROLLBACK;
