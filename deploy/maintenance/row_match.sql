-- Deploy marketdb:maintenance/row_match to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.row_match as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/row_match`. Deploying it changes nothing (make
-- test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- "Row s equals row r" over the copied columns; = where the column cannot be NULL (so an
-- index can serve it), IS NOT DISTINCT FROM otherwise, text for types without =.
CREATE OR REPLACE FUNCTION maintenance.row_match(p_table regclass)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT string_agg(
               CASE WHEN NOT has_eq THEN format('s.%1$I::text IS NOT DISTINCT FROM r.%1$I::text', a.attname)
                    WHEN a.attnotnull THEN format('s.%1$I = r.%1$I', a.attname)
                    ELSE format('s.%1$I IS NOT DISTINCT FROM r.%1$I', a.attname) END,
               ' AND ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT FROM pg_operator AS o
                                         WHERE o.oprname = '=' AND o.oprleft = a.atttypid AND o.oprright = a.atttypid) AS has_eq) AS e
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$function$;

COMMENT ON FUNCTION maintenance.row_match(regclass) IS
    'Join condition matching a row s to a row r of the same columns (internal)';

REVOKE ALL ON FUNCTION maintenance.row_match(regclass) FROM PUBLIC;

COMMIT;
