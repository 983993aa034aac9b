-- Deploy marketdb:maintenance/require_owned to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.require_owned as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/require_owned`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Maintenance runs as marketdb_owner (SECURITY DEFINER), which can only change tables it owns.
CREATE OR REPLACE FUNCTION maintenance.require_owned(p_argument text, p_table text)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_owner regrole := (SELECT c.relowner::regrole FROM pg_class AS c WHERE c.oid = p_table::regclass);
BEGIN
    IF v_owner <> 'marketdb_owner'::regrole THEN
        RAISE EXCEPTION '%: % is owned by %, not marketdb_owner, so maintenance could not manage it', p_argument, p_table, v_owner
            USING ERRCODE = 'invalid_parameter_value', HINT = format('ALTER TABLE %s OWNER TO marketdb_owner', p_table);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_owned(text,text) IS
    'The table belongs to marketdb_owner, the role maintenance runs as (internal)';

REVOKE ALL ON FUNCTION maintenance.require_owned(text,text) FROM PUBLIC;

COMMIT;
