-- Deploy marketdb:maintenance/standby_health to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Each streaming standby of this server with its replay lag, for monitoring. The view runs
-- as its reader (security_invoker): pg_stat_replication shows the lag only to members of
-- pg_read_all_stats (pg_monitor has it), as postgres_exporter's login usually is. On a
-- standby it is empty (no WAL position of its own to compare).
CREATE VIEW maintenance.standby_health WITH (security_invoker = true) AS
    SELECT r.application_name, r.client_addr::text AS client_addr, r.state, r.sync_state,
           extract(epoch FROM r.replay_lag)::double precision AS replay_lag_seconds,
           CASE WHEN NOT pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn) END AS replay_lag_bytes
      FROM pg_stat_replication AS r;

COMMENT ON VIEW maintenance.standby_health IS
    'Each streaming standby''s replay lag (seconds, bytes), for monitoring; the lag needs pg_monitor or pg_read_all_stats';

GRANT SELECT ON maintenance.standby_health TO marketdb_reader;

COMMIT;
