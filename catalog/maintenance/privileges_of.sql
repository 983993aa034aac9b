-- FUNCTION: privileges_of(regclass)
CREATE FUNCTION maintenance.privileges_of(p_table regclass) RETURNS TABLE(grantee text, privilege_type text, column_name name, is_grantable boolean)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END, a.privilege_type, NULL::name, a.is_grantable
      FROM pg_class AS c CROSS JOIN LATERAL aclexplode(c.relacl) AS a
     WHERE c.oid = p_table AND a.grantee <> c.relowner
    UNION ALL
    SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END, a.privilege_type, t.attname, a.is_grantable
      FROM pg_class AS c
      JOIN pg_attribute AS t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped
     CROSS JOIN LATERAL aclexplode(t.attacl) AS a
     WHERE c.oid = p_table AND a.grantee <> c.relowner
$$;


ALTER FUNCTION maintenance.privileges_of(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION privileges_of(p_table regclass)
COMMENT ON FUNCTION maintenance.privileges_of(p_table regclass) IS 'Table and column privileges of a table, its owner''s aside (column_name NULL: table level)';
-- ACL: FUNCTION privileges_of(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.privileges_of(p_table regclass) FROM PUBLIC;
