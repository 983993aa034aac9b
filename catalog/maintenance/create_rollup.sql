-- FUNCTION: create_rollup(text, text, interval, interval)
CREATE FUNCTION maintenance.create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_name text[] := parse_ident(p_view);
BEGIN
    IF cardinality(v_name) <> 2 THEN
        RAISE EXCEPTION 'p_view must be schema.name, got %', p_view USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF maintenance.edition() = 'timescale' THEN
        EXECUTE format(
            'CREATE MATERIALIZED VIEW %I.%I WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS %s WITH NO DATA',
            v_name[1], v_name[2], p_query);
        PERFORM timescaledb.add_continuous_aggregate_policy(
            format('%I.%I', v_name[1], v_name[2])::regclass,
            start_offset => p_refresh_start, end_offset => p_refresh_end, schedule_interval => interval '1 hour');
        RETURN 'continuous aggregate';
    END IF;
    EXECUTE format('CREATE VIEW %I.%I AS %s', v_name[1], v_name[2], p_query);
    RAISE NOTICE 'TimescaleDB edition %: % is a plain view (continuous aggregates need the timescale edition)',
        maintenance.edition(), p_view;
    RETURN 'view';
END
$$;


ALTER FUNCTION maintenance.create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval)
COMMENT ON FUNCTION maintenance.create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval) IS 'A rollup under one name: continuous aggregate (timescale edition) or plain view (apache)';
-- ACL: FUNCTION create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval)
REVOKE ALL ON FUNCTION maintenance.create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval) FROM PUBLIC;
