-- Deploy marketdb:maintenance/make_read_only_archive to pg
-- requires: maintenance/partition_privileges
-- adopted from: maintenance/partition_privileges

-- maintenance.make_read_only_archive as maintenance/partition_privileges left it, taken
-- unchanged from the deployed catalog (pg_get_functiondef): from here on its current body
-- is this file, changed only by `sqitch rework maintenance/make_read_only_archive`.
-- Deploying it changes nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- An archive is history: its parent's privileges without INSERT, UPDATE, DELETE, TRUNCATE.
-- The parent is the registered table whose archive it is by name (archives_of); a table
-- no registered table claims only loses the writer's rights, as before.
CREATE OR REPLACE FUNCTION maintenance.make_read_only_archive(p_table regclass)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_parent regclass := (SELECT p.parent_table::regclass FROM maintenance.policy AS p
                           WHERE p.kind = 'partitioned' AND p_table IN (SELECT maintenance.archives_of(p.parent_table::regclass))
                           LIMIT 1);
BEGIN
    IF v_parent IS NULL THEN
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', p_table);
    ELSE
        PERFORM maintenance.copy_privileges(v_parent, p_table, true);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.make_read_only_archive(regclass) IS
    'Gives a detached or archive table its parent''s privileges without INSERT, UPDATE, DELETE and TRUNCATE (internal)';

REVOKE ALL ON FUNCTION maintenance.make_read_only_archive(regclass) FROM PUBLIC;

COMMIT;
