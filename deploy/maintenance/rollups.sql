-- Deploy marketdb:maintenance/rollups to pg
-- requires: maintenance/hypertables
-- requires: onchain/candle_volume

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- rollups: the continuous aggregates of this database with their raw hypertable, refresh
-- job and materialized watermark (the end of the last bucket a refresh wrote). One home
-- for reading TimescaleDB's catalog the same way on 2.19 and 2.29: 2.29 lists a refresh
-- job under the aggregate's view, 2.19 under its materialization hypertable, so the job is
-- matched by the materialization hypertable id in its config, which both releases keep.
CREATE FUNCTION maintenance.rollups()
RETURNS TABLE (rollup regclass, raw_table text, refresh_job integer, materialized_until timestamptz)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
SELECT format('%I.%I', ca.user_view_schema, ca.user_view_name)::regclass,
       format('%s.%s', raw.schema_name, raw.table_name),
       (SELECT min(j.job_id) FROM timescaledb_information.jobs AS j
         WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
           AND (j.config ->> 'mat_hypertable_id')::integer = ca.mat_hypertable_id),
       -- Never refreshed: the time type's minimum, before any chunk.
       _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark_materialized(ca.mat_hypertable_id))
  FROM _timescaledb_catalog.continuous_agg AS ca
  JOIN _timescaledb_catalog.hypertable AS raw ON raw.id = ca.raw_hypertable_id
$function$;

COMMENT ON FUNCTION maintenance.rollups() IS
    'Continuous aggregates with their raw hypertable, refresh job and materialized watermark (none on the apache edition)';
GRANT EXECUTE ON FUNCTION maintenance.rollups() TO marketdb_reader;

COMMIT;
