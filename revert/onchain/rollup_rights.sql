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

-- On timescale a GRANT on a continuous aggregate reaches its internal direct and partial
-- views too, which the schema's default privileges had never granted: take that back.
DO $do$
DECLARE
    v record;
BEGIN
    IF maintenance.edition() = 'timescale' THEN
        FOR v IN SELECT format('%I.%I', c.direct_view_schema, c.direct_view_name) AS direct,
                        format('%I.%I', c.partial_view_schema, c.partial_view_name) AS partial
                   FROM _timescaledb_catalog.continuous_agg AS c
                  WHERE c.user_view_schema = 'onchain' AND c.user_view_name IN ('price_candles_1h', 'trade_volume_1h')
        LOOP
            EXECUTE format('REVOKE INSERT, UPDATE ON %s, %s FROM marketdb_writer', v.direct, v.partial);
        END LOOP;
    END IF;
END
$do$;

COMMIT;
