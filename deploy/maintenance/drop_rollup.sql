-- Deploy marketdb:maintenance/drop_rollup to pg
-- requires: maintenance/hypertables
-- adopted from: maintenance/hypertables

-- maintenance.drop_rollup as maintenance/hypertables left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/drop_rollup`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.drop_rollup(p_view text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_name text[] := parse_ident(p_view);
BEGIN
    -- Dropping a continuous aggregate drops its refresh policy with it.
    IF to_regclass('timescaledb_information.continuous_aggregates') IS NOT NULL
       AND EXISTS (SELECT FROM timescaledb_information.continuous_aggregates AS ca
                    WHERE ca.view_schema = v_name[1] AND ca.view_name = v_name[2]) THEN
        EXECUTE format('DROP MATERIALIZED VIEW %I.%I', v_name[1], v_name[2]);
    ELSE
        EXECUTE format('DROP VIEW %I.%I', v_name[1], v_name[2]);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.drop_rollup(text) IS
    'Drops a rollup made by create_rollup, whichever edition made it';

REVOKE ALL ON FUNCTION maintenance.drop_rollup(text) FROM PUBLIC;

COMMIT;
