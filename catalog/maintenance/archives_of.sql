-- FUNCTION: archives_of(regclass)
CREATE FUNCTION maintenance.archives_of(p_parent regclass) RETURNS SETOF regclass
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT a.oid::regclass
      FROM pg_class AS pc
      JOIN pg_class AS a ON a.relnamespace = pc.relnamespace AND a.relkind = 'r' AND NOT a.relispartition
     WHERE pc.oid = p_parent
       AND left(a.relname, length(pc.relname) + 2) = pc.relname || '_p'
       AND substr(a.relname, length(pc.relname) + 3) ~ '^([0-9]{8}|[0-9]{6})(_r[0-9])?$'
$_$;


ALTER FUNCTION maintenance.archives_of(p_parent regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION archives_of(p_parent regclass)
COMMENT ON FUNCTION maintenance.archives_of(p_parent regclass) IS 'Detached partitions and archive tables of a partitioned table, found by their names (internal)';
-- ACL: FUNCTION archives_of(p_parent regclass)
REVOKE ALL ON FUNCTION maintenance.archives_of(p_parent regclass) FROM PUBLIC;
