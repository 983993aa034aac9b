-- FUNCTION: table_health_at(timestamp with time zone)
CREATE FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) RETURNS TABLE(parent_table text, kind text, enabled boolean, last_outcome text, seconds_since_success double precision, rows_in_default bigint, rows_out_of_window bigint, days_ahead integer, months_due integer, last_rescue_seconds double precision, last_merge_seconds double precision, lock_timeouts_24h integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT s.parent_table, s.kind, s.enabled, s.last_outcome,
           extract(epoch FROM p_reference_time - s.last_success_at)::double precision,
           s.rows_in_default,
           CASE WHEN s.kind = 'partitioned' THEN
               (SELECT coalesce(sum(x.rows_affected), 0)::bigint
                  FROM maintenance.policy AS p, maintenance.partition_plan(p, p_reference_time, NULL) AS x
                 WHERE p.parent_table = s.parent_table AND x.action = 'out_of_window')
           END,
           (s.newest_day - (p_reference_time AT TIME ZONE 'UTC')::date)::integer,
           t.months_due,
           (SELECT extract(epoch FROM l.finished_at - l.started_at)::double precision
              FROM maintenance.run_log AS l
             WHERE l.parent_table = s.parent_table AND l.started_at > p_reference_time - interval '31 days'
               AND l.finished_at IS NOT NULL AND l.actions @> '[{"action": "rescue"}]'
             ORDER BY l.started_at DESC LIMIT 1),
           (SELECT extract(epoch FROM l.finished_at - l.started_at)::double precision
              FROM maintenance.run_log AS l
             WHERE l.parent_table = s.parent_table AND l.started_at > p_reference_time - interval '31 days'
               AND l.finished_at IS NOT NULL AND l.actions @> '[{"action": "compact"}]'
             ORDER BY l.started_at DESC LIMIT 1),
           (SELECT count(*)::integer
              FROM maintenance.run_log AS l
             WHERE l.parent_table = s.parent_table AND l.started_at > p_reference_time - interval '24 hours'
               AND l.actions @> '[{"action": "lock_timeout"}]')
      FROM maintenance.partition_status(p_reference_time) AS s
      LEFT JOIN maintenance.partition_tiers(p_reference_time) AS t ON t.parent_table = s.parent_table
$$;


ALTER FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION table_health_at(p_reference_time timestamp with time zone)
COMMENT ON FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) IS 'Maintenance health per managed table at a reference time: since the last success, rows waiting or stuck in the default partition, days ahead, months due, last rescue and merge durations, lock timeouts in 24 h';
-- ACL: FUNCTION table_health_at(p_reference_time timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.table_health_at(p_reference_time timestamp with time zone) TO marketdb_reader;
