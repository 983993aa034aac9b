-- Verify marketdb:onchain/rollup_refresh on pg

BEGIN;

-- Both editions: the rollups say how they are refreshed and what they keep. The OHLC
-- rollup is price_candles_1h here and price_ohlc_1h after onchain/candle_volume.
SELECT 1 / (count(*) = 2)::integer FROM pg_catalog.pg_description
 WHERE objoid IN (to_regclass('onchain.price_candles_1h'), to_regclass('onchain.price_ohlc_1h'), 'onchain.trade_volume_1h'::regclass)
   AND description LIKE '%refreshed hourly over the raw retention%';

-- Timescale edition: each refresh policy reaches back over the raw table's retention.
-- A refresh job is listed under the aggregate's materialization hypertable up to
-- TimescaleDB 2.2x and under the aggregate's view on 2.29: either is matched.
SELECT 1 / (count(*) = 2)::integer
  FROM timescaledb_information.jobs AS j
  JOIN timescaledb_information.continuous_aggregates AS ca
    ON (j.hypertable_schema, j.hypertable_name) IN ((ca.materialization_hypertable_schema, ca.materialization_hypertable_name),
                                                    (ca.view_schema, ca.view_name))
  JOIN maintenance.policy AS p ON p.parent_table = ca.hypertable_schema || '.' || ca.hypertable_name
 WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
   AND (j.config ->> 'start_offset')::interval = p.retention
HAVING maintenance.edition() = 'timescale'
UNION ALL
SELECT 1 WHERE maintenance.edition() <> 'timescale';

ROLLBACK;
