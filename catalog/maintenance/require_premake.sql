-- FUNCTION: require_premake(text, integer)
CREATE FUNCTION maintenance.require_premake(p_argument text, p_value integer) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF p_value IS NULL OR p_value NOT BETWEEN 0 AND 366 THEN
        RAISE EXCEPTION '%: days to premake must be between 0 and 366, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;


ALTER FUNCTION maintenance.require_premake(p_argument text, p_value integer) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_premake(p_argument text, p_value integer)
COMMENT ON FUNCTION maintenance.require_premake(p_argument text, p_value integer) IS 'Days to premake: 0 to 366, as the registry allows (internal)';
-- ACL: FUNCTION require_premake(p_argument text, p_value integer)
REVOKE ALL ON FUNCTION maintenance.require_premake(p_argument text, p_value integer) FROM PUBLIC;
