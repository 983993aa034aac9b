-- Deploy marketdb:maintenance/attach_new_day to pg
-- requires: maintenance/partition_privileges

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- attach_new_day: a new daily partition made beside the parent (its columns, defaults,
-- CHECKs; the parent's privileges) and attached. ATTACH takes SHARE UPDATE EXCLUSIVE on the
-- parent, which no writer waits for, and ACCESS EXCLUSIVE on the new table and on the
-- default partition, whose rows it reads (writers of late rows wait for that read). The
-- indexes are built by the ATTACH, named as PostgreSQL names a partition's. Raises
-- check_violation when rows for the day wait in the default partition, lock_not_available
-- when a lock is busy (internal).
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.attach_new_day(p_parent regclass, p_name text, p_day date)
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_schema text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_day    regclass;
BEGIN
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)', v_schema, p_name, p_parent);
    v_day := format('%I.%I', v_schema, p_name)::regclass;
    PERFORM maintenance.copy_privileges(p_parent, v_day, false);
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', p_parent, v_day,
                   p_day::timestamp AT TIME ZONE 'UTC', (p_day + 1)::timestamp AT TIME ZONE 'UTC');
    RETURN v_day;
END
$function$;

COMMENT ON FUNCTION maintenance.attach_new_day(regclass, text, date) IS
    'Makes a new daily partition beside its parent and attaches it, without a lock writers of other days wait for (internal)';

REVOKE EXECUTE ON FUNCTION maintenance.attach_new_day(regclass, text, date) FROM marketdb_maintainer;

COMMIT;
