-- FUNCTION: partitions_of(regclass)
CREATE FUNCTION maintenance.partitions_of(p_parent regclass) RETURNS TABLE(partition regclass, partition_name text, is_default boolean, lower_bound timestamp with time zone, upper_bound timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
    SELECT c.oid::regclass,
           c.relname::text,
           b.bound = 'DEFAULT',
           CASE WHEN b.bound = 'DEFAULT' THEN NULL
                WHEN m[1] = 'MINVALUE' THEN '-infinity'::timestamptz
                ELSE btrim(m[1], '''')::timestamptz END,
           CASE WHEN b.bound = 'DEFAULT' THEN NULL
                WHEN m[2] = 'MAXVALUE' THEN 'infinity'::timestamptz
                ELSE btrim(m[2], '''')::timestamptz END
      FROM pg_inherits AS i
      JOIN pg_class AS c ON c.oid = i.inhrelid
     CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS bound) AS b
      LEFT JOIN LATERAL regexp_match(b.bound, '^FOR VALUES FROM \((.+)\) TO \((.+)\)$') AS m ON true
     WHERE i.inhparent = p_parent
$_$;


ALTER FUNCTION maintenance.partitions_of(p_parent regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION partitions_of(p_parent regclass)
COMMENT ON FUNCTION maintenance.partitions_of(p_parent regclass) IS 'Partitions of a range-partitioned table with their bounds (NULL bounds for the default partition)';
-- ACL: FUNCTION partitions_of(p_parent regclass)
REVOKE ALL ON FUNCTION maintenance.partitions_of(p_parent regclass) FROM PUBLIC;
