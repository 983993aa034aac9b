-- Deploy marketdb:maintenance/horizon_trigger to pg
-- requires: maintenance/default_horizon
-- adopted from: maintenance/default_horizon

-- maintenance.horizon_trigger as maintenance/default_horizon left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/horizon_trigger`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The trigger for a default partition whose key is p_key, refusing from UTC midnight of
-- today + p_days (greatest(premake, 31) + 1, as horizon_of).
CREATE OR REPLACE FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT format('CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF %1$I ON %2$s FOR EACH ROW'
                  ' WHEN (NEW.%1$I >= (((now() AT TIME ZONE ''UTC'')::date + %3$s)::timestamp AT TIME ZONE ''UTC''))'
                  ' EXECUTE FUNCTION maintenance.refuse_past_horizon(%3$L)', p_key, p_default, p_days)
$function$;

COMMENT ON FUNCTION maintenance.horizon_trigger(regclass,name,integer) IS
    'The CREATE TRIGGER of the horizon rule on a default partition, for a horizon of p_days UTC days (internal)';

REVOKE ALL ON FUNCTION maintenance.horizon_trigger(regclass,name,integer) FROM PUBLIC;

COMMIT;
