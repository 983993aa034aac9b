-- FUNCTION: require_retention(text, interval)
CREATE FUNCTION maintenance.require_retention(p_argument text, p_value interval) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF p_value <= interval '0' THEN
        RAISE EXCEPTION '%: retention must be positive or NULL (keep everything), got %', p_argument, p_value
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;


ALTER FUNCTION maintenance.require_retention(p_argument text, p_value interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_retention(p_argument text, p_value interval)
COMMENT ON FUNCTION maintenance.require_retention(p_argument text, p_value interval) IS 'Retention: positive, or NULL to keep everything (internal)';
-- ACL: FUNCTION require_retention(p_argument text, p_value interval)
REVOKE ALL ON FUNCTION maintenance.require_retention(p_argument text, p_value interval) FROM PUBLIC;
