-- FUNCTION: can_add_checks(regclass)
CREATE FUNCTION maintenance.can_add_checks(p_table regclass) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    BEGIN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_check_probe CHECK (true) NOT VALID', p_table);
        RAISE EXCEPTION 'probe succeeded' USING ERRCODE = 'MKPRB';  -- rolls the probe back
    EXCEPTION
        WHEN SQLSTATE 'MKPRB' THEN
            RETURN true;
        WHEN feature_not_supported OR object_not_in_prerequisite_state THEN
            RETURN false;
    END;
END
$$;


ALTER FUNCTION maintenance.can_add_checks(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION can_add_checks(p_table regclass)
COMMENT ON FUNCTION maintenance.can_add_checks(p_table regclass) IS 'Whether a CHECK constraint can be added to the table now (tries one and rolls it back; deploy helper)';
-- ACL: FUNCTION can_add_checks(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.can_add_checks(p_table regclass) FROM PUBLIC;
