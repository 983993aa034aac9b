-- FUNCTION: make_read_only_archive(regclass)
CREATE FUNCTION maintenance.make_read_only_archive(p_table regclass) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_parent regclass := (SELECT p.parent_table::regclass FROM maintenance.policy AS p
                           WHERE p.kind = 'partitioned' AND p_table IN (SELECT maintenance.archives_of(p.parent_table::regclass))
                           LIMIT 1);
BEGIN
    IF v_parent IS NULL THEN
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', p_table);
    ELSE
        PERFORM maintenance.copy_privileges(v_parent, p_table, true);
    END IF;
END
$$;


ALTER FUNCTION maintenance.make_read_only_archive(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION make_read_only_archive(p_table regclass)
COMMENT ON FUNCTION maintenance.make_read_only_archive(p_table regclass) IS 'Gives a detached or archive table its parent''s privileges without INSERT, UPDATE, DELETE and TRUNCATE (internal)';
-- ACL: FUNCTION make_read_only_archive(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.make_read_only_archive(p_table regclass) FROM PUBLIC;
