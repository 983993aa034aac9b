-- FUNCTION: attach_new_day(regclass, text, date)
CREATE FUNCTION maintenance.attach_new_day(p_parent regclass, p_name text, p_day date) RETURNS regclass
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $$
DECLARE
    v_schema text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_day    regclass;
BEGIN
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)', v_schema, p_name, p_parent);
    v_day := format('%I.%I', v_schema, p_name)::regclass;
    PERFORM maintenance.copy_privileges(p_parent, v_day, false);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', p_parent, v_day,
                   p_day::timestamp AT TIME ZONE 'UTC', (p_day + 1)::timestamp AT TIME ZONE 'UTC');
    RETURN v_day;
END
$$;


ALTER FUNCTION maintenance.attach_new_day(p_parent regclass, p_name text, p_day date) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION attach_new_day(p_parent regclass, p_name text, p_day date)
COMMENT ON FUNCTION maintenance.attach_new_day(p_parent regclass, p_name text, p_day date) IS 'Makes a new daily partition beside its parent and attaches it, without a lock writers of other days wait for (internal)';
-- ACL: FUNCTION attach_new_day(p_parent regclass, p_name text, p_day date)
REVOKE ALL ON FUNCTION maintenance.attach_new_day(p_parent regclass, p_name text, p_day date) FROM PUBLIC;
