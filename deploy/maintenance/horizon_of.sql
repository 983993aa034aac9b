-- Deploy marketdb:maintenance/horizon_of to pg
-- requires: maintenance/default_horizon
-- adopted from: maintenance/default_horizon

-- maintenance.horizon_of as maintenance/default_horizon left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/horizon_of`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The first instant past the horizon of a registered table at a time.
CREATE OR REPLACE FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamp with time zone)
 RETURNS timestamp with time zone
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT (((p_time AT TIME ZONE 'UTC')::date + greatest(p_policy.premake_days, 31) + 1)::timestamp AT TIME ZONE 'UTC')
$function$;

COMMENT ON FUNCTION maintenance.horizon_of(maintenance.policy,timestamp with time zone) IS
    'Where the days maintenance makes partitions for end at a time: reference day + greatest(premake, 31) + 1, UTC (internal)';

REVOKE ALL ON FUNCTION maintenance.horizon_of(maintenance.policy,timestamp with time zone) FROM PUBLIC;

COMMIT;
