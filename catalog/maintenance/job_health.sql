-- VIEW: job_health
CREATE VIEW maintenance.job_health AS
 SELECT job_id,
    proc_name,
    target,
    scheduled,
    last_run_status,
    consecutive_failures,
    total_failures
   FROM maintenance.timescaledb_job_health() timescaledb_job_health(job_id, proc_name, target, scheduled, last_run_status, consecutive_failures, total_failures);


ALTER VIEW maintenance.job_health OWNER TO marketdb_owner;
-- COMMENT: VIEW job_health
COMMENT ON VIEW maintenance.job_health IS 'marketdb''s TimescaleDB jobs now (maintenance.timescaledb_job_health), for monitoring: monitoring/postgres_exporter.yml';
-- ACL: TABLE job_health
GRANT SELECT ON TABLE maintenance.job_health TO marketdb_reader;
