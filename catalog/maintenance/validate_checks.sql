-- FUNCTION: validate_checks(regclass, text[])
CREATE FUNCTION maintenance.validate_checks(p_table regclass, p_names text[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_name name;
BEGIN
    FOR v_name IN
        SELECT c.conname FROM pg_constraint AS c
         WHERE c.conrelid = p_table AND c.conname = ANY (p_names) AND NOT c.convalidated
         ORDER BY c.conname
    LOOP
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', p_table, v_name);
    END LOOP;
END
$$;


ALTER FUNCTION maintenance.validate_checks(p_table regclass, p_names text[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION validate_checks(p_table regclass, p_names text[])
COMMENT ON FUNCTION maintenance.validate_checks(p_table regclass, p_names text[]) IS 'Validates the named CHECK constraints of a table that are still NOT VALID (deploy helper)';
-- ACL: FUNCTION validate_checks(p_table regclass, p_names text[])
REVOKE ALL ON FUNCTION maintenance.validate_checks(p_table regclass, p_names text[]) FROM PUBLIC;
