-- FUNCTION: timescaledb_job_health()
CREATE FUNCTION maintenance.timescaledb_job_health() RETURNS TABLE(job_id integer, proc_name text, target text, scheduled boolean, last_run_status text, consecutive_failures integer, total_failures bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT j.job_id, j.proc_name::text,
           coalesce(ca.view_schema || '.' || ca.view_name, j.hypertable_schema || '.' || j.hypertable_name),
           j.scheduled, s.last_run_status::text,
           (SELECT count(*)::integer FROM timescaledb_information.job_errors AS e
             WHERE e.job_id = j.job_id AND e.start_time > coalesce(s.last_successful_finish, '-infinity')),
           s.total_failures
      FROM timescaledb_information.jobs AS j
      LEFT JOIN timescaledb_information.job_stats AS s ON s.job_id = j.job_id
      LEFT JOIN timescaledb_information.continuous_aggregates AS ca
        ON (j.hypertable_schema, j.hypertable_name) IN ((ca.materialization_hypertable_schema, ca.materialization_hypertable_name),
                                                        (ca.view_schema, ca.view_name))
     WHERE j.owner::text LIKE 'marketdb\_%'
$$;


ALTER FUNCTION maintenance.timescaledb_job_health() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION timescaledb_job_health()
COMMENT ON FUNCTION maintenance.timescaledb_job_health() IS 'marketdb''s TimescaleDB jobs: last run status and failures since the last success, for monitoring';
-- ACL: FUNCTION timescaledb_job_health()
REVOKE ALL ON FUNCTION maintenance.timescaledb_job_health() FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.timescaledb_job_health() TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.timescaledb_job_health() TO marketdb_reader;
