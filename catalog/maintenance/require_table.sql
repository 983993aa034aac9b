-- FUNCTION: require_table(text, text)
CREATE FUNCTION maintenance.require_table(p_argument text, p_value text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_table regclass;
BEGIN
    IF p_value IS NULL OR btrim(p_value) = '' THEN
        RAISE EXCEPTION '%: a table name is required, got %', p_argument, coalesce(quote_literal(p_value), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        v_table := to_regclass(p_value);
    EXCEPTION WHEN OTHERS THEN  -- to_regclass raises on a name it cannot parse
        RAISE EXCEPTION '%: % is not a table name', p_argument, quote_literal(p_value)
            USING ERRCODE = 'invalid_parameter_value';
    END;
    IF v_table IS NULL THEN
        RAISE EXCEPTION '%: table "%" does not exist', p_argument, p_value USING ERRCODE = 'undefined_table';
    END IF;
    RETURN (SELECT format('%s.%s', n.nspname, c.relname)
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
             WHERE c.oid = v_table);
END
$$;


ALTER FUNCTION maintenance.require_table(p_argument text, p_value text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_table(p_argument text, p_value text)
COMMENT ON FUNCTION maintenance.require_table(p_argument text, p_value text) IS 'The schema.table name of an existing table, or an error naming the argument (internal)';
-- ACL: FUNCTION require_table(p_argument text, p_value text)
REVOKE ALL ON FUNCTION maintenance.require_table(p_argument text, p_value text) FROM PUBLIC;
