-- Deploy marketdb:maintenance/require_premake to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.require_premake as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/require_premake`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Premake: the registry's range (policy_premake_days_range), checked here so an argument
-- error names the argument instead of a constraint.
CREATE OR REPLACE FUNCTION maintenance.require_premake(p_argument text, p_value integer)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF p_value IS NULL OR p_value NOT BETWEEN 0 AND 366 THEN
        RAISE EXCEPTION '%: days to premake must be between 0 and 366, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_premake(text,integer) IS
    'Days to premake: 0 to 366, as the registry allows (internal)';

REVOKE ALL ON FUNCTION maintenance.require_premake(text,integer) FROM PUBLIC;

COMMIT;
