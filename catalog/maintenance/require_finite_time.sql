-- FUNCTION: require_finite_time(text, timestamp with time zone)
CREATE FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamp with time zone) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF p_value IS NULL OR NOT isfinite(p_value) THEN
        RAISE EXCEPTION '%: a finite timestamp is required, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;


ALTER FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_finite_time(p_argument text, p_value timestamp with time zone)
COMMENT ON FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamp with time zone) IS 'A timestamp argument: not NULL, not infinite (internal)';
-- ACL: FUNCTION require_finite_time(p_argument text, p_value timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamp with time zone) FROM PUBLIC;
