-- FUNCTION: insertable_columns(regclass)
CREATE FUNCTION maintenance.insertable_columns(p_table regclass) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$$;


ALTER FUNCTION maintenance.insertable_columns(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION insertable_columns(p_table regclass)
COMMENT ON FUNCTION maintenance.insertable_columns(p_table regclass) IS 'Column list for copying a table''s rows: all but dropped and generated columns (internal)';
-- ACL: FUNCTION insertable_columns(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.insertable_columns(p_table regclass) FROM PUBLIC;
