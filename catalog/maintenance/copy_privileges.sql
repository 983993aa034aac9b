-- FUNCTION: copy_privileges(regclass, regclass, boolean)
CREATE FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_grant record;
BEGIN
    -- REVOKE at table level takes the column privileges of the same kind with it.
    FOR v_grant IN SELECT DISTINCT p.grantee FROM maintenance.privileges_of(p_to) AS p LOOP
        EXECUTE format('REVOKE ALL ON TABLE %s FROM %s CASCADE', p_to,
                       CASE WHEN v_grant.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(v_grant.grantee) END);
    END LOOP;
    FOR v_grant IN
        SELECT p.* FROM maintenance.privileges_of(p_from) AS p
         WHERE NOT (p_read_only AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
    LOOP
        EXECUTE format('GRANT %s%s ON TABLE %s TO %s%s', v_grant.privilege_type,
                       CASE WHEN v_grant.column_name IS NOT NULL THEN format(' (%I)', v_grant.column_name) ELSE '' END,
                       p_to, CASE WHEN v_grant.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(v_grant.grantee) END,
                       CASE WHEN v_grant.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
    END LOOP;
END
$$;


ALTER FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION copy_privileges(p_from regclass, p_to regclass, p_read_only boolean)
COMMENT ON FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean) IS 'Gives a table exactly another''s table and column privileges, or (read-only) those without INSERT, UPDATE, DELETE, TRUNCATE (internal)';
-- ACL: FUNCTION copy_privileges(p_from regclass, p_to regclass, p_read_only boolean)
REVOKE ALL ON FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean) FROM PUBLIC;
