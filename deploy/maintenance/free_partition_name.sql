-- Deploy marketdb:maintenance/free_partition_name to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.free_partition_name as maintenance/partitions left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/free_partition_name`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- A table of a day's partition name exists only if the day's archive was kept and its
-- retention later lengthened; the new partition gets a suffix rather than taking it.
CREATE OR REPLACE FUNCTION maintenance.free_partition_name(p_schema text, p_name text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_name text := p_name;
BEGIN
    FOR suffix IN 1 .. 9 LOOP
        EXIT WHEN to_regclass(format('%I.%I', p_schema, v_name)) IS NULL;
        v_name := format('%s_r%s', p_name, suffix);
    END LOOP;
    RETURN v_name;
END
$function$;

COMMENT ON FUNCTION maintenance.free_partition_name(text,text) IS
    'A day''s partition name, suffixed _r1.._r9 when an archive holds the plain one (internal)';

REVOKE ALL ON FUNCTION maintenance.free_partition_name(text,text) FROM PUBLIC;

COMMIT;
