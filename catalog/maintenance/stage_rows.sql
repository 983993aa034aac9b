-- FUNCTION: stage_rows(regclass, regclass, text, date, date[])
CREATE FUNCTION maintenance.stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[]) RETURNS TABLE(stage regclass, rows_copied bigint, snap pg_snapshot)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
DECLARE
    v_schema  text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_key     name := (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k);
    v_columns text := maintenance.insertable_columns(p_parent);
BEGIN
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING INDEXES)',
                   v_schema, p_name, p_parent);
    stage := format('%I.%I', v_schema, p_name)::regclass;
    IF p_day IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_rescue_range CHECK (%s)',
                       stage, maintenance.stage_predicate(v_key, p_day, NULL));
    END IF;
    EXECUTE format('WITH copied AS (INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM %3$s WHERE %4$s RETURNING 1)'
                   ' SELECT count(*), pg_current_snapshot() FROM copied',
                   stage, v_columns, p_default, maintenance.stage_predicate(v_key, p_day, p_rescued))
       INTO rows_copied, snap;
    RETURN NEXT;
END
$_$;


ALTER FUNCTION maintenance.stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[])
COMMENT ON FUNCTION maintenance.stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[]) IS 'Copies a day''s rows (or all other rows) of a default partition into a new table, with the snapshot it saw (internal)';
-- ACL: FUNCTION stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[])
REVOKE ALL ON FUNCTION maintenance.stage_rows(p_parent regclass, p_default regclass, p_name text, p_day date, p_rescued date[]) FROM PUBLIC;
