-- Deploy marketdb:maintenance/can_add_checks to pg
-- requires: maintenance/constraint_guard

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- can_add_checks: whether this server adds a CHECK to the table as it is now. The probe
-- takes the table's ACCESS EXCLUSIVE lock for a moment, as the ALTER it stands for would.
CREATE FUNCTION maintenance.can_add_checks(p_table regclass)
RETURNS boolean
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    BEGIN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_check_probe CHECK (true) NOT VALID', p_table);
        RAISE EXCEPTION 'probe succeeded' USING ERRCODE = 'MKPRB';  -- rolls the probe back
    EXCEPTION
        WHEN SQLSTATE 'MKPRB' THEN
            RETURN true;
        WHEN feature_not_supported OR object_not_in_prerequisite_state THEN
            RETURN false;
    END;
END
$function$;

COMMENT ON FUNCTION maintenance.can_add_checks(regclass) IS
    'Whether a CHECK constraint can be added to the table now (tries one and rolls it back; deploy helper)';

REVOKE EXECUTE ON FUNCTION maintenance.can_add_checks(regclass) FROM marketdb_maintainer;

COMMIT;
