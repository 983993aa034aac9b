-- Deploy marketdb:maintenance/require_retention to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.require_retention as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/require_retention`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.require_retention(p_argument text, p_value interval)
 RETURNS void
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF p_value <= interval '0' THEN
        RAISE EXCEPTION '%: retention must be positive or NULL (keep everything), got %', p_argument, p_value
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_retention(text,interval) IS
    'Retention: positive, or NULL to keep everything (internal)';

REVOKE ALL ON FUNCTION maintenance.require_retention(text,interval) FROM PUBLIC;

COMMIT;
