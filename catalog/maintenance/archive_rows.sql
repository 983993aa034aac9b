-- FUNCTION: archive_rows(maintenance.policy, date, text, bigint)
CREATE FUNCTION maintenance.archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint) RETURNS TABLE(rows_moved bigint, rows_duplicate bigint)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
DECLARE
    v_parent  regclass := p_policy.parent_table::regclass;
    v_schema  text := split_part(p_policy.parent_table, '.', 1);
    v_key     name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_default regclass := (SELECT p.partition FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default);
    v_lower   timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    v_upper   timestamptz := (p_day + 1)::timestamp AT TIME ZONE 'UTC';
    v_archive regclass;
    v_columns text;
    v_moved   bigint;
    v_kept    bigint;
BEGIN
    v_columns := maintenance.insertable_columns(v_parent);
    IF p_policy.retention_action = 'drop' THEN
        EXECUTE format('DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$I >= $1 AND %2$I < $2 LIMIT $3))',
                       v_default, v_key)
          USING v_lower, v_upper, p_limit;
        GET DIAGNOSTICS v_moved = ROW_COUNT;
        rows_moved := v_moved;
        rows_duplicate := 0;
        RETURN NEXT;
        RETURN;
    END IF;

    v_archive := to_regclass(format('%I.%I', v_schema, p_archive));
    IF v_archive IS NULL THEN
        -- The day's archive, shaped like the partition retention would have detached.
        EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
                       v_schema, p_archive, v_parent);
        v_archive := format('%I.%I', v_schema, p_archive)::regclass;
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%I >= %L AND %I < %L)',
                       v_archive, p_archive || '_day', v_key, v_lower, v_key, v_upper);
        PERFORM maintenance.make_read_only_archive(v_archive);
    ELSIF EXISTS (SELECT FROM pg_inherits AS i WHERE i.inhrelid = v_archive) THEN
        RAISE EXCEPTION 'archive of % for %: % is attached to a partitioned table, not an archive', p_policy.parent_table, p_day, v_archive;
    END IF;
    -- A row whose natural key the archive already holds was sent twice: ingestion is
    -- idempotent (ON CONFLICT DO NOTHING), so is archiving; such rows are counted.
    EXECUTE format(
        'WITH moved AS (DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$I >= $1 AND %2$I < $2 LIMIT $3)) RETURNING *),'
        '     kept AS (INSERT INTO %3$s (%4$s) OVERRIDING SYSTEM VALUE SELECT %4$s FROM moved ON CONFLICT DO NOTHING RETURNING 1)'
        ' SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM kept)',
        v_default, v_key, v_archive, v_columns)
       INTO v_moved, v_kept
      USING v_lower, v_upper, p_limit;
    rows_moved := v_moved;
    rows_duplicate := v_moved - v_kept;
    RETURN NEXT;
END
$_$;


ALTER FUNCTION maintenance.archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint)
COMMENT ON FUNCTION maintenance.archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint) IS 'Moves rows for a day past retention out of the default partition: deleted, or into the day''s archive (internal)';
-- ACL: FUNCTION archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint)
REVOKE ALL ON FUNCTION maintenance.archive_rows(p_policy maintenance.policy, p_day date, p_archive text, p_limit bigint) FROM PUBLIC;
