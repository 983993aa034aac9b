-- FUNCTION: row_match(regclass)
CREATE FUNCTION maintenance.row_match(p_table regclass) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT string_agg(
               CASE WHEN NOT has_eq THEN format('s.%1$I::text IS NOT DISTINCT FROM r.%1$I::text', a.attname)
                    WHEN a.attnotnull THEN format('s.%1$I = r.%1$I', a.attname)
                    ELSE format('s.%1$I IS NOT DISTINCT FROM r.%1$I', a.attname) END,
               ' AND ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT FROM pg_operator AS o
                                         WHERE o.oprname = '=' AND o.oprleft = a.atttypid AND o.oprright = a.atttypid) AS has_eq) AS e
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$_$;


ALTER FUNCTION maintenance.row_match(p_table regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION row_match(p_table regclass)
COMMENT ON FUNCTION maintenance.row_match(p_table regclass) IS 'Join condition matching a row s to a row r of the same columns (internal)';
-- ACL: FUNCTION row_match(p_table regclass)
REVOKE ALL ON FUNCTION maintenance.row_match(p_table regclass) FROM PUBLIC;
