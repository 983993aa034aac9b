-- Deploy marketdb:maintenance/enabled_tables to pg
-- requires: maintenance/run
-- adopted from: maintenance/run

-- maintenance.enabled_tables as maintenance/run left it, taken unchanged from the deployed
-- catalog (pg_get_functiondef): from here on its current body is this file, changed only by
-- `sqitch rework maintenance/enabled_tables`. Deploying it changes nothing (make test
-- compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Every enabled table, in name order: what maintenance.run_all and `marketdb maintain` walk.
CREATE OR REPLACE FUNCTION maintenance.enabled_tables()
 RETURNS SETOF text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT p.parent_table FROM maintenance.policy AS p WHERE p.enabled ORDER BY p.parent_table
$function$;

COMMENT ON FUNCTION maintenance.enabled_tables() IS
    'The tables maintenance runs on, in the order it runs them';

REVOKE ALL ON FUNCTION maintenance.enabled_tables() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintenance.enabled_tables() TO marketdb_maintainer;

COMMIT;
