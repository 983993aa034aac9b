-- Deploy marketdb:maintenance/archives_of to pg
-- requires: maintenance/partition_privileges
-- adopted from: maintenance/partition_privileges

-- maintenance.archives_of as maintenance/partition_privileges left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/archives_of`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The archives of a registered table: tables of its schema named as its partitions are
-- (<table>_pYYYYMMDD or _pYYYYMM, maybe _rN) that are not attached to anything.
CREATE OR REPLACE FUNCTION maintenance.archives_of(p_parent regclass)
 RETURNS SETOF regclass
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT a.oid::regclass
      FROM pg_class AS pc
      JOIN pg_class AS a ON a.relnamespace = pc.relnamespace AND a.relkind = 'r' AND NOT a.relispartition
     WHERE pc.oid = p_parent
       AND left(a.relname, length(pc.relname) + 2) = pc.relname || '_p'
       AND substr(a.relname, length(pc.relname) + 3) ~ '^([0-9]{8}|[0-9]{6})(_r[0-9])?$'
$function$;

COMMENT ON FUNCTION maintenance.archives_of(regclass) IS
    'Detached partitions and archive tables of a partitioned table, found by their names (internal)';

REVOKE ALL ON FUNCTION maintenance.archives_of(regclass) FROM PUBLIC;

COMMIT;
