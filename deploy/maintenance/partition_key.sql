-- Deploy marketdb:maintenance/partition_key to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.partition_key as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/partition_key`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The partition key of a table partitioned by RANGE on one column, NULL otherwise.
CREATE OR REPLACE FUNCTION maintenance.partition_key(p_parent regclass)
 RETURNS TABLE(column_name name, column_type regtype)
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT a.attname, a.atttypid::regtype
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = p_parent AND pt.partstrat = 'r' AND pt.partnatts = 1
$function$;

COMMENT ON FUNCTION maintenance.partition_key(regclass) IS
    'Column and type of a single-column RANGE partition key (internal)';

REVOKE ALL ON FUNCTION maintenance.partition_key(regclass) FROM PUBLIC;

COMMIT;
