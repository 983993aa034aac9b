-- FUNCTION: align_privileges(regclass)
CREATE FUNCTION maintenance.align_privileges(p_parent regclass) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_part  regclass;
    v_fixed integer := 0;
    v_want  text := maintenance.privilege_signature(p_parent);
BEGIN
    FOR v_part IN
        WITH parts AS (
            SELECT c.oid, c.relowner = pc.relowner AND c.relacl IS NOT DISTINCT FROM pc.relacl AS same
              FROM pg_inherits AS i
              JOIN pg_class AS c ON c.oid = i.inhrelid
              JOIN pg_class AS pc ON pc.oid = i.inhparent
             WHERE i.inhparent = p_parent),
        columns_differ AS (
            SELECT DISTINCT a.attrelid
              FROM parts
              JOIN pg_attribute AS a ON a.attrelid = parts.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attribute AS pa ON pa.attrelid = p_parent AND pa.attname = a.attname
             WHERE a.attacl IS DISTINCT FROM pa.attacl)
        SELECT parts.oid::regclass FROM parts
         WHERE NOT (parts.same AND parts.oid NOT IN (SELECT attrelid FROM columns_differ))
           AND maintenance.privilege_signature(parts.oid) <> v_want
    LOOP
        PERFORM maintenance.copy_privileges(p_parent, v_part, false);
        v_fixed := v_fixed + 1;
    END LOOP;
    RETURN v_fixed;
END
$$;


ALTER FUNCTION maintenance.align_privileges(p_parent regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION align_privileges(p_parent regclass)
COMMENT ON FUNCTION maintenance.align_privileges(p_parent regclass) IS 'Gives every partition of a parent whose privileges differ the parent''s; returns how many (internal)';
-- ACL: FUNCTION align_privileges(p_parent regclass)
REVOKE ALL ON FUNCTION maintenance.align_privileges(p_parent regclass) FROM PUBLIC;
