-- FUNCTION: enabled_tables()
CREATE FUNCTION maintenance.enabled_tables() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT p.parent_table FROM maintenance.policy AS p WHERE p.enabled ORDER BY p.parent_table
$$;


ALTER FUNCTION maintenance.enabled_tables() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION enabled_tables()
COMMENT ON FUNCTION maintenance.enabled_tables() IS 'The tables maintenance runs on, in the order it runs them';
-- ACL: FUNCTION enabled_tables()
REVOKE ALL ON FUNCTION maintenance.enabled_tables() FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.enabled_tables() TO marketdb_maintainer;
