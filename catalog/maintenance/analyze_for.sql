-- FUNCTION: analyze_for(text)
CREATE FUNCTION maintenance.analyze_for(p_parent_table text) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    c_min_interval constant interval := interval '1 day';
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_kind      text := (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical);
    v_last      timestamptz;
    v_started   timestamptz;
    v_result    maintenance.action;
BEGIN
    IF v_kind IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    IF v_kind <> 'partitioned' THEN
        RETURN;  -- a hypertable's chunks and root are TimescaleDB's and autovacuum's
    END IF;
    SELECT greatest(s.last_analyze, s.last_autoanalyze) INTO v_last FROM pg_stat_all_tables AS s WHERE s.relid = v_canonical::regclass;
    IF v_last > now() - c_min_interval THEN
        RETURN;
    END IF;
    IF v_last IS NOT NULL AND NOT EXISTS (
           SELECT FROM maintenance.run_log AS l
            WHERE l.started_at > v_last - interval '1 day' AND l.finished_at > v_last
              AND l.parent_table = v_canonical AND NOT l.dry_run
              AND l.actions @? '$[*] ? (@.action == "create" || @.action == "rescue" || @.action == "drop" || @.action == "detach" || @.action == "compact")') THEN
        RETURN;
    END IF;
    v_started := clock_timestamp();
    EXECUTE format('ANALYZE (SKIP_LOCKED) %s', v_canonical::regclass);
    v_result := (v_canonical, 'analyze', NULL, 0,
                 format('planner statistics of %s (and its %s partitions) refreshed in %s ms: %s',
                        v_canonical, (SELECT count(*) FROM pg_inherits AS i WHERE i.inhparent = v_canonical::regclass),
                        round(extract(epoch FROM clock_timestamp() - v_started) * 1000),
                        CASE WHEN v_last IS NULL THEN 'it had none'
                             ELSE format('its partitions changed since %s', v_last) END));
    RETURN NEXT v_result;
END
$_$;


ALTER FUNCTION maintenance.analyze_for(p_parent_table text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION analyze_for(p_parent_table text)
COMMENT ON FUNCTION maintenance.analyze_for(p_parent_table text) IS 'Analyzes a partitioned parent when maintenance changed its partitions since its last analyze, at most daily; call it in its own transaction after the run';
-- ACL: FUNCTION analyze_for(p_parent_table text)
REVOKE ALL ON FUNCTION maintenance.analyze_for(p_parent_table text) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.analyze_for(p_parent_table text) TO marketdb_maintainer;
