-- FUNCTION: set_archive_export(text, boolean)
CREATE FUNCTION maintenance.set_archive_export(p_parent_table text, p_export boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    IF p_export IS NULL THEN
        RAISE EXCEPTION 'p_export: must be true or false, got NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE maintenance.policy AS p SET export_archives = p_export, updated_at = now() WHERE p.parent_table = v_canonical;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
END
$$;


ALTER FUNCTION maintenance.set_archive_export(p_parent_table text, p_export boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION set_archive_export(p_parent_table text, p_export boolean)
COMMENT ON FUNCTION maintenance.set_archive_export(p_parent_table text, p_export boolean) IS 'Turns a detach policy''s export of its archive tables on or off (detach -> export -> drop; owner only)';
-- ACL: FUNCTION set_archive_export(p_parent_table text, p_export boolean)
REVOKE ALL ON FUNCTION maintenance.set_archive_export(p_parent_table text, p_export boolean) FROM PUBLIC;
