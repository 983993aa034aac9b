-- Deploy marketdb:maintenance/run_maintenance_for to pg
-- requires: maintenance/run
-- adopted from: maintenance/run

-- maintenance.run_maintenance_for as maintenance/run left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/run_maintenance_for`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- One table, in the caller's transaction: call it alone in a transaction (as `marketdb
-- maintain` and maintenance.run_all do), since locks are held until commit.
CREATE OR REPLACE FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false, p_premake_days integer DEFAULT NULL::integer)
 RETURNS SETOF maintenance.action
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_kind      text := (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical);
BEGIN
    IF v_kind IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF p_premake_days IS NOT NULL THEN
        IF v_kind = 'hypertable' THEN
            RAISE EXCEPTION 'p_premake_days: % is a hypertable, whose chunks are made by inserts; pass NULL', v_canonical
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM maintenance.require_premake('p_premake_days', p_premake_days);
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY[v_canonical], v_canonical, p_reference_time, p_dry_run, p_premake_days);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance_for(text,timestamp with time zone,boolean,integer) IS
    'Applies one table''s policy (enabled or not) at the server''s time, or dry-runs it at another; one row per action';

REVOKE ALL ON FUNCTION maintenance.run_maintenance_for(text,timestamp with time zone,boolean,integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintenance.run_maintenance_for(text,timestamp with time zone,boolean,integer) TO marketdb_maintainer;

COMMIT;
