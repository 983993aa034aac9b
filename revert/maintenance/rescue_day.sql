-- Revert marketdb:maintenance/rescue_day from pg

-- maintenance.rescue_day as maintenance/rescue_day@v0.2.0 deployed it.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- rescue_day: under the parent's ACCESS EXCLUSIVE lock, a day's rows leave the default
-- partition for a temporary table, the day's partition is created (PostgreSQL requires the
-- default partition to hold none of its rows), and they go back in through the parent. One
-- transaction: all of it or none of it. Returns the rows moved.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.rescue_day(p_parent regclass, p_partition text, p_day date)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_schema   text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_key      name := (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k);
    v_default  regclass := (SELECT p.partition FROM maintenance.partitions_of(p_parent) AS p WHERE p.is_default);
    v_lower    timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    v_upper    timestamptz := (p_day + 1)::timestamp AT TIME ZONE 'UTC';
    v_columns  text;
    v_moved    bigint;
    v_inserted bigint;
BEGIN
    v_columns := maintenance.insertable_columns(p_parent);
    EXECUTE format(
        'CREATE TEMP TABLE marketdb_rescue ON COMMIT DROP AS '
        'WITH moved AS (DELETE FROM %1$s WHERE %2$I >= %3$L AND %2$I < %4$L RETURNING *) SELECT * FROM moved',
        v_default, v_key, v_lower, v_upper);
    SELECT count(*) INTO v_moved FROM marketdb_rescue;
    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', v_schema, p_partition, p_parent, v_lower, v_upper);
    -- OVERRIDING SYSTEM VALUE: a GENERATED ALWAYS identity keeps the values the rows had.
    EXECUTE format('INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM marketdb_rescue', p_parent, v_columns);
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted <> v_moved THEN
        RAISE EXCEPTION 'rescue of % for %: moved % rows but inserted %', p_parent, p_day, v_moved, v_inserted;
    END IF;
    DROP TABLE marketdb_rescue;
    RETURN v_moved;
END
$function$;

COMMENT ON FUNCTION maintenance.rescue_day(regclass,text,date) IS
    'Creates a day''s partition, moving that day''s rows out of the default partition into it (internal)';

REVOKE ALL ON FUNCTION maintenance.rescue_day(regclass,text,date) FROM PUBLIC;

COMMIT;
