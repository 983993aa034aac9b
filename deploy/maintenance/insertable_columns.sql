-- Deploy marketdb:maintenance/insertable_columns to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.insertable_columns as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/insertable_columns`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The columns an INSERT ... SELECT copies: all but dropped and generated ones.
CREATE OR REPLACE FUNCTION maintenance.insertable_columns(p_table regclass)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$function$;

COMMENT ON FUNCTION maintenance.insertable_columns(regclass) IS
    'Column list for copying a table''s rows: all but dropped and generated columns (internal)';

REVOKE ALL ON FUNCTION maintenance.insertable_columns(regclass) FROM PUBLIC;

COMMIT;
