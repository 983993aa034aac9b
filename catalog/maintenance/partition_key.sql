-- FUNCTION: partition_key(regclass)
CREATE FUNCTION maintenance.partition_key(p_parent regclass) RETURNS TABLE(column_name name, column_type regtype)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT a.attname, a.atttypid::regtype
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = p_parent AND pt.partstrat = 'r' AND pt.partnatts = 1
$$;


ALTER FUNCTION maintenance.partition_key(p_parent regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION partition_key(p_parent regclass)
COMMENT ON FUNCTION maintenance.partition_key(p_parent regclass) IS 'Column and type of a single-column RANGE partition key (internal)';
-- ACL: FUNCTION partition_key(p_parent regclass)
REVOKE ALL ON FUNCTION maintenance.partition_key(p_parent regclass) FROM PUBLIC;
