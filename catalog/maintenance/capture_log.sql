-- FUNCTION: capture_log(regclass)
CREATE FUNCTION maintenance.capture_log(p_default regclass) RETURNS regclass
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT to_regclass(format('maintenance.%I', 'rescue_log_' || p_default::oid))
     WHERE EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture')
$$;


ALTER FUNCTION maintenance.capture_log(p_default regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION capture_log(p_default regclass)
COMMENT ON FUNCTION maintenance.capture_log(p_default regclass) IS 'The log table of the changes to a default partition, NULL when no capture is installed (internal)';
-- ACL: FUNCTION capture_log(p_default regclass)
REVOKE ALL ON FUNCTION maintenance.capture_log(p_default regclass) FROM PUBLIC;
