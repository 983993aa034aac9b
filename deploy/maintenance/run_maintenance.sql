-- Deploy marketdb:maintenance/run_maintenance to pg
-- requires: maintenance/run
-- adopted from: maintenance/run

-- maintenance.run_maintenance as maintenance/run left it, taken unchanged from the deployed
-- catalog (pg_get_functiondef): from here on its current body is this file, changed only by
-- `sqitch rework maintenance/run_maintenance`. Deploying it changes nothing (make test
-- compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Every table in one transaction: only as a dry run. A real run would hold each table's
-- ACCESS EXCLUSIVE lock until the last table is done, and a writer that inserts into two
-- tables in one transaction would deadlock with it (and be the one cancelled).
CREATE OR REPLACE FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false)
 RETURNS SETOF maintenance.action
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF NOT p_dry_run THEN
        RAISE EXCEPTION 'p_dry_run: run_maintenance() maintains every table in one transaction, which can deadlock writers; only a dry run is allowed'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'CALL maintenance.run_all() commits table by table; `marketdb maintain` does the same';
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY(SELECT maintenance.enabled_tables()), NULL, p_reference_time, true, NULL);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance(timestamp with time zone,boolean) IS
    'Dry run of every enabled policy at a reference time; one row per action (real runs: CALL maintenance.run_all())';

REVOKE ALL ON FUNCTION maintenance.run_maintenance(timestamp with time zone,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintenance.run_maintenance(timestamp with time zone,boolean) TO marketdb_maintainer;

COMMIT;
