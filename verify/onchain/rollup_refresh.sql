-- Verify marketdb:onchain/rollup_refresh on pg

BEGIN;

-- Both editions: the rollups say how they are refreshed and what they keep.
SELECT 1 / (count(*) = 2)::integer FROM pg_catalog.pg_description
 WHERE objoid IN ('onchain.price_candles_1h'::regclass, 'onchain.trade_volume_1h'::regclass)
   AND description LIKE '%refreshed hourly over the raw retention%';

-- Timescale edition: each refresh policy reaches back over the raw table's retention.
SELECT 1 / (count(*) = 2)::integer
  FROM timescaledb_information.jobs AS j
  JOIN timescaledb_information.continuous_aggregates AS ca
    ON ca.materialization_hypertable_schema = j.hypertable_schema
   AND ca.materialization_hypertable_name = j.hypertable_name
  JOIN maintenance.policy AS p ON p.parent_table = ca.hypertable_schema || '.' || ca.hypertable_name
 WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
   AND (j.config ->> 'start_offset')::interval = p.retention
HAVING maintenance.edition() = 'timescale'
UNION ALL
SELECT 1 WHERE maintenance.edition() <> 'timescale';

ROLLBACK;
