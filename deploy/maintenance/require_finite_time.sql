-- Deploy marketdb:maintenance/require_finite_time to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.require_finite_time as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/require_finite_time`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- A timestamp argument that is there and finite.
CREATE OR REPLACE FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF p_value IS NULL OR NOT isfinite(p_value) THEN
        RAISE EXCEPTION '%: a finite timestamp is required, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_finite_time(text,timestamp with time zone) IS
    'A timestamp argument: not NULL, not infinite (internal)';

REVOKE ALL ON FUNCTION maintenance.require_finite_time(text,timestamp with time zone) FROM PUBLIC;

COMMIT;
