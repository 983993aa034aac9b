-- Deploy marketdb:maintenance/timescaledb_job_health to pg
-- requires: core/extensions
-- requires: core/roles

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Each of marketdb's TimescaleDB jobs (compression, rollup refreshes: owned by marketdb
-- roles) with its last status and how many runs have failed since its last success, for
-- monitoring. Only timescaledb_information views, which hold from 2.19 to 2.29 (a refresh
-- job names the aggregate's materialization hypertable up to 2.2x, its view on 2.29: the
-- target is either). The apache edition has no such jobs: no rows. SECURITY DEFINER: the
-- job views show a non-superuser only the jobs it owns.
CREATE FUNCTION maintenance.timescaledb_job_health()
RETURNS TABLE (
    job_id               integer,
    proc_name            text,
    target               text,
    scheduled            boolean,
    last_run_status      text,
    consecutive_failures integer,
    total_failures       bigint
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
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
$function$;

COMMENT ON FUNCTION maintenance.timescaledb_job_health() IS
    'marketdb''s TimescaleDB jobs: last run status and failures since the last success, for monitoring';

GRANT EXECUTE ON FUNCTION maintenance.timescaledb_job_health() TO marketdb_reader;

CREATE VIEW maintenance.job_health AS
    SELECT * FROM maintenance.timescaledb_job_health();

COMMENT ON VIEW maintenance.job_health IS
    'marketdb''s TimescaleDB jobs now (maintenance.timescaledb_job_health), for monitoring: monitoring/postgres_exporter.yml';

GRANT SELECT ON maintenance.job_health TO marketdb_reader;

COMMIT;
