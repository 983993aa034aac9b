-- Deploy marketdb:maintenance/checks to pg
-- requires: maintenance/registry

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- The rules every maintenance entry point applies to its arguments, each in one place, each
-- failing at once with SQLSTATE 22023 (invalid_parameter_value) and the argument's name.
-- Internal: the entry points call them; nobody else is granted them.
-- ---------------------------------------------------------------------------------------

-- The schema.table name of an existing table. Quoted or not, with or without schema (then
-- the search_path decides), as to_regclass reads it.
CREATE FUNCTION maintenance.require_table(p_argument text, p_value text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_table regclass;
BEGIN
    IF p_value IS NULL OR btrim(p_value) = '' THEN
        RAISE EXCEPTION '%: a table name is required, got %', p_argument, coalesce(quote_literal(p_value), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        v_table := to_regclass(p_value);
    EXCEPTION WHEN OTHERS THEN  -- to_regclass raises on a name it cannot parse
        RAISE EXCEPTION '%: % is not a table name', p_argument, quote_literal(p_value)
            USING ERRCODE = 'invalid_parameter_value';
    END;
    IF v_table IS NULL THEN
        RAISE EXCEPTION '%: table "%" does not exist', p_argument, p_value USING ERRCODE = 'undefined_table';
    END IF;
    RETURN (SELECT format('%s.%s', n.nspname, c.relname)
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
             WHERE c.oid = v_table);
END
$function$;

COMMENT ON FUNCTION maintenance.require_table(text, text) IS
    'The schema.table name of an existing table, or an error naming the argument (internal)';

-- A timestamp argument that is there and finite.
CREATE FUNCTION maintenance.require_finite_time(p_argument text, p_value timestamptz)
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF p_value IS NULL OR NOT isfinite(p_value) THEN
        RAISE EXCEPTION '%: a finite timestamp is required, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_finite_time(text, timestamptz) IS
    'A timestamp argument: not NULL, not infinite (internal)';

-- A run that changes anything works at the server's time: partitions are premade from the
-- clock and retention cuts from it, so a reference time far from now() would create
-- thousands of partitions or remove everything. One hour either side leaves room for a
-- cron job's --now and clock skew between hosts. Dry runs change nothing and may look ten
-- years either way (their output is bounded like a run's).
CREATE FUNCTION maintenance.require_reference_time(p_argument text, p_value timestamptz, p_dry_run boolean)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    c_run_window     constant interval := interval '1 hour';
    c_dry_run_window constant interval := interval '10 years';
BEGIN
    IF p_dry_run IS NULL THEN
        RAISE EXCEPTION 'p_dry_run must be true or false, not NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM maintenance.require_finite_time(p_argument, p_value);
    IF NOT p_dry_run AND abs(extract(epoch FROM p_value - now())) > extract(epoch FROM c_run_window) THEN
        RAISE EXCEPTION '%: % is more than % from the server''s clock (%); a run that changes anything works at the server''s time',
                p_argument, p_value, c_run_window, now()
            USING ERRCODE = 'invalid_parameter_value', HINT = 'use a dry run to see what a run at another time would do';
    END IF;
    IF p_dry_run AND abs(extract(epoch FROM p_value - now())) > extract(epoch FROM c_dry_run_window) THEN
        RAISE EXCEPTION '%: % is more than % from the server''s clock (%), even for a dry run',
                p_argument, p_value, c_dry_run_window, now()
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_reference_time(text, timestamptz, boolean) IS
    'A run''s reference time: finite, within 1 hour of now() (10 years for a dry run) (internal)';

-- Premake: the registry's range (policy_premake_days_range), checked here so an argument
-- error names the argument instead of a constraint.
CREATE FUNCTION maintenance.require_premake(p_argument text, p_value integer)
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF p_value IS NULL OR p_value NOT BETWEEN 0 AND 366 THEN
        RAISE EXCEPTION '%: days to premake must be between 0 and 366, got %', p_argument, coalesce(p_value::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_premake(text, integer) IS
    'Days to premake: 0 to 366, as the registry allows (internal)';

CREATE FUNCTION maintenance.require_retention(p_argument text, p_value interval)
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF p_value <= interval '0' THEN
        RAISE EXCEPTION '%: retention must be positive or NULL (keep everything), got %', p_argument, p_value
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.require_retention(text, interval) IS
    'Retention: positive, or NULL to keep everything (internal)';

-- Maintenance runs as marketdb_owner (SECURITY DEFINER), which can only change tables it owns.
CREATE FUNCTION maintenance.require_owned(p_argument text, p_table text)
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
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

COMMENT ON FUNCTION maintenance.require_owned(text, text) IS
    'The table belongs to marketdb_owner, the role maintenance runs as (internal)';

-- The columns an INSERT ... SELECT copies: all but dropped and generated ones.
CREATE FUNCTION maintenance.insertable_columns(p_table regclass)
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$function$;

COMMENT ON FUNCTION maintenance.insertable_columns(regclass) IS
    'Column list for copying a table''s rows: all but dropped and generated columns (internal)';

-- The partition key of a table partitioned by RANGE on one column, NULL otherwise.
CREATE FUNCTION maintenance.partition_key(p_parent regclass)
RETURNS TABLE (column_name name, column_type regtype)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT a.attname, a.atttypid::regtype
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = p_parent AND pt.partstrat = 'r' AND pt.partnatts = 1
$function$;

COMMENT ON FUNCTION maintenance.partition_key(regclass) IS
    'Column and type of a single-column RANGE partition key (internal)';

REVOKE EXECUTE ON FUNCTION maintenance.require_table(text, text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.require_finite_time(text, timestamptz) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.insertable_columns(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.require_reference_time(text, timestamptz, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.require_premake(text, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.require_retention(text, interval) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.require_owned(text, text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.partition_key(regclass) FROM marketdb_maintainer;

COMMIT;
