-- FUNCTION: free_partition_name(text, text)
CREATE FUNCTION maintenance.free_partition_name(p_schema text, p_name text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_name text := p_name;
BEGIN
    FOR suffix IN 1 .. 9 LOOP
        EXIT WHEN to_regclass(format('%I.%I', p_schema, v_name)) IS NULL;
        v_name := format('%s_r%s', p_name, suffix);
    END LOOP;
    RETURN v_name;
END
$$;


ALTER FUNCTION maintenance.free_partition_name(p_schema text, p_name text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION free_partition_name(p_schema text, p_name text)
COMMENT ON FUNCTION maintenance.free_partition_name(p_schema text, p_name text) IS 'A day''s partition name, suffixed _r1.._r9 when an archive holds the plain one (internal)';
-- ACL: FUNCTION free_partition_name(p_schema text, p_name text)
REVOKE ALL ON FUNCTION maintenance.free_partition_name(p_schema text, p_name text) FROM PUBLIC;
