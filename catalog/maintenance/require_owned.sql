-- FUNCTION: require_owned(text, text)
CREATE FUNCTION maintenance.require_owned(p_argument text, p_table text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_owner regrole := (SELECT c.relowner::regrole FROM pg_class AS c WHERE c.oid = p_table::regclass);
BEGIN
    IF v_owner <> 'marketdb_owner'::regrole THEN
        RAISE EXCEPTION '%: % is owned by %, not marketdb_owner, so maintenance could not manage it', p_argument, p_table, v_owner
            USING ERRCODE = 'invalid_parameter_value', HINT = format('ALTER TABLE %s OWNER TO marketdb_owner', p_table);
    END IF;
END
$$;


ALTER FUNCTION maintenance.require_owned(p_argument text, p_table text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_owned(p_argument text, p_table text)
COMMENT ON FUNCTION maintenance.require_owned(p_argument text, p_table text) IS 'The table belongs to marketdb_owner, the role maintenance runs as (internal)';
-- ACL: FUNCTION require_owned(p_argument text, p_table text)
REVOKE ALL ON FUNCTION maintenance.require_owned(p_argument text, p_table text) FROM PUBLIC;
