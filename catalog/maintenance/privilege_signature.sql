-- FUNCTION: privilege_signature(regclass)
CREATE FUNCTION maintenance.privilege_signature(p_table regclass) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(string_agg(DISTINCT g.grant, ',' ORDER BY g.grant), '')
      FROM (SELECT format('%s %s %s', a.grantee, a.privilege_type, a.is_grantable) AS grant
              FROM pg_class AS c CROSS JOIN LATERAL aclexplode(c.relacl) AS a
             WHERE c.oid = p_table AND a.grantee <> c.relowner
            UNION ALL
            SELECT format('%s %s %s %I', a.grantee, a.privilege_type, a.is_grantable, t.attname)
              FROM pg_class AS c
              JOIN pg_attribute AS t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped
             CROSS JOIN LATERAL aclexplode(t.attacl) AS a
             WHERE c.oid = p_table AND a.grantee <> c.relowner) AS g
$$;


ALTER FUNCTION maintenance.privilege_signature(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION privilege_signature(p_table regclass)
COMMENT ON FUNCTION maintenance.privilege_signature(p_table regclass) IS 'A table''s table and column privileges, its owner''s aside, as one text that equals another table''s when their privileges do (internal)';
-- ACL: FUNCTION privilege_signature(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.privilege_signature(p_table regclass) FROM PUBLIC;
