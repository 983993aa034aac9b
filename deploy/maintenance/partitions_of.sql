-- Deploy marketdb:maintenance/partitions_of to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.partitions_of as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/partitions_of`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- partitions_of: every partition of a parent with its range bounds.
-- Bounds are read back from pg_get_expr() as text, so the function renders them in UTC:
-- the result must not depend on the caller's TimeZone.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.partitions_of(p_parent regclass)
 RETURNS TABLE(partition regclass, partition_name text, is_default boolean, lower_bound timestamp with time zone, upper_bound timestamp with time zone)
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
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
$function$;

COMMENT ON FUNCTION maintenance.partitions_of(regclass) IS
    'Partitions of a range-partitioned table with their bounds (NULL bounds for the default partition)';

REVOKE ALL ON FUNCTION maintenance.partitions_of(regclass) FROM PUBLIC;

COMMIT;
