-- VIEW: table_health
CREATE VIEW maintenance.table_health AS
 SELECT parent_table,
    kind,
    enabled,
    last_outcome,
    seconds_since_success,
    rows_in_default,
    rows_out_of_window,
    days_ahead,
    months_due,
    last_rescue_seconds,
    last_merge_seconds,
    lock_timeouts_24h
   FROM maintenance.table_health_at(now()) table_health_at(parent_table, kind, enabled, last_outcome, seconds_since_success, rows_in_default, rows_out_of_window, days_ahead, months_due, last_rescue_seconds, last_merge_seconds, lock_timeouts_24h);


ALTER VIEW maintenance.table_health OWNER TO marketdb_owner;
-- COMMENT: VIEW table_health
COMMENT ON VIEW maintenance.table_health IS 'Maintenance health per managed table now (maintenance.table_health_at), for monitoring: monitoring/postgres_exporter.yml';
-- ACL: TABLE table_health
GRANT SELECT ON TABLE maintenance.table_health TO marketdb_reader;
