-- FUNCTION: rollups()
CREATE FUNCTION maintenance.rollups() RETURNS TABLE(rollup regclass, raw_table text, refresh_job integer, materialized_until timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
SELECT format('%I.%I', ca.user_view_schema, ca.user_view_name)::regclass,
       format('%s.%s', raw.schema_name, raw.table_name),
       (SELECT min(j.job_id) FROM timescaledb_information.jobs AS j
         WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
           AND (j.config ->> 'mat_hypertable_id')::integer = ca.mat_hypertable_id),
       -- Never refreshed: the time type's minimum, before any chunk.
       _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark_materialized(ca.mat_hypertable_id))
  FROM _timescaledb_catalog.continuous_agg AS ca
  JOIN _timescaledb_catalog.hypertable AS raw ON raw.id = ca.raw_hypertable_id
$$;


ALTER FUNCTION maintenance.rollups() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION rollups()
COMMENT ON FUNCTION maintenance.rollups() IS 'Continuous aggregates with their raw hypertable, refresh job and materialized watermark (none on the apache edition)';
-- ACL: FUNCTION rollups()
REVOKE ALL ON FUNCTION maintenance.rollups() FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.rollups() TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.rollups() TO marketdb_reader;
