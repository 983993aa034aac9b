-- FUNCTION: range_query(regclass, timestamp with time zone, timestamp with time zone, text)
CREATE FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $$
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR NOT isfinite(p_from) OR NOT isfinite(p_to) OR p_from >= p_to THEN
        RAISE EXCEPTION 'p_from, p_to: finite bounds with p_from < p_to are required, got % and %', coalesce(p_from::text, 'NULL'), coalesce(p_to::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN format('SELECT * FROM %s WHERE ts >= %L::timestamptz AND ts < %L::timestamptz%s ORDER BY ts',
                  p_table, p_from, p_to, CASE WHEN p_ticker IS NULL THEN '' ELSE format(' AND ticker = %L', p_ticker) END);
END
$$;


ALTER FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text)
COMMENT ON FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) IS 'The query of a *_between function: bounds and ticker as literals, so the planner prunes partitions (internal)';
-- ACL: FUNCTION range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text)
REVOKE ALL ON FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) FROM PUBLIC;
GRANT ALL ON FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) TO marketdb_reader;
GRANT ALL ON FUNCTION exchange.range_query(p_table regclass, p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) TO marketdb_writer;
