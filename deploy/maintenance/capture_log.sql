-- Deploy marketdb:maintenance/capture_log to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.capture_log as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/capture_log`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The log table of a default partition's capture, if one is installed.
CREATE OR REPLACE FUNCTION maintenance.capture_log(p_default regclass)
 RETURNS regclass
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT to_regclass(format('maintenance.%I', 'rescue_log_' || p_default::oid))
     WHERE EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture')
$function$;

COMMENT ON FUNCTION maintenance.capture_log(regclass) IS
    'The log table of the changes to a default partition, NULL when no capture is installed (internal)';

REVOKE ALL ON FUNCTION maintenance.capture_log(regclass) FROM PUBLIC;

COMMIT;
