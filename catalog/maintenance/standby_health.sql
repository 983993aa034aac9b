-- VIEW: standby_health
CREATE VIEW maintenance.standby_health WITH (security_invoker='true') AS
 SELECT application_name,
    (client_addr)::text AS client_addr,
    state,
    sync_state,
    (EXTRACT(epoch FROM replay_lag))::double precision AS replay_lag_seconds,
        CASE
            WHEN (NOT pg_is_in_recovery()) THEN pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
            ELSE NULL::numeric
        END AS replay_lag_bytes
   FROM pg_stat_replication r;


ALTER VIEW maintenance.standby_health OWNER TO marketdb_owner;
-- COMMENT: VIEW standby_health
COMMENT ON VIEW maintenance.standby_health IS 'Each streaming standby''s replay lag (seconds, bytes), for monitoring; the lag needs pg_monitor or pg_read_all_stats';
-- ACL: TABLE standby_health
GRANT SELECT ON TABLE maintenance.standby_health TO marketdb_reader;
