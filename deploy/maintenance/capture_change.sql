-- Deploy marketdb:maintenance/capture_change to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.capture_change as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/capture_change`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The trigger: one log row per row image, D for the old one, I for the new one. SECURITY
-- DEFINER: the writer has no right on the log. extra_float_digits: exact float copies.
CREATE OR REPLACE FUNCTION maintenance.capture_change()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET extra_float_digits TO '3'
AS $function$
DECLARE
    v_insert text := format('INSERT INTO maintenance.%I SELECT $1, ($2).*', 'rescue_log_' || TG_RELID);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE v_insert USING 'D'::"char", OLD;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE v_insert USING 'I'::"char", NEW;
    END IF;
    RETURN NULL;
END
$function$;

COMMENT ON FUNCTION maintenance.capture_change() IS
    'Trigger on a default partition while its rows wait for a rescue: logs every change (internal)';

REVOKE ALL ON FUNCTION maintenance.capture_change() FROM PUBLIC;

COMMIT;
