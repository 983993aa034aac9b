-- Deploy marketdb:maintenance/constraint_guard to pg
-- requires: maintenance/hypertables

-- Helpers of the changes that add CHECK constraints (the <domain>/row_rules).
--
-- TimescaleDB 2.19 refuses ALTER TABLE ... ADD CONSTRAINT (even NOT VALID) on a hypertable
-- that holds compressed chunks ("operation not supported on hypertables that have
-- compressed data"); 2.20 lifts it (timescale/timescaledb#7864). A change that adds CHECK
-- constraints to hypertables calls this first, so a deploy to such a server stops before
-- touching anything and says which chunks to decompress.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[])
RETURNS void
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_version int[];
    v_blocked text;
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RETURN;  -- no compression, nothing can block
    END IF;
    SELECT string_to_array(substring(extversion FROM '^[0-9]+\.[0-9]+'), '.')::int[] INTO v_version
      FROM pg_extension WHERE extname = 'timescaledb';
    IF v_version >= ARRAY[2, 20] THEN
        RETURN;
    END IF;
    SELECT string_agg(format('%I.%I (%s compressed chunks)', c.hypertable_schema, c.hypertable_name, c.n), ', ')
      INTO v_blocked
      FROM (SELECT hypertable_schema, hypertable_name, count(*) AS n
              FROM timescaledb_information.chunks
             WHERE is_compressed
               AND format('%I.%I', hypertable_schema, hypertable_name)::regclass = ANY (p_tables)
             GROUP BY 1, 2) AS c;
    IF v_blocked IS NOT NULL THEN
        RAISE EXCEPTION '%: TimescaleDB % cannot add CHECK constraints to hypertables holding compressed chunks: %',
                        p_change, array_to_string(v_version, '.'), v_blocked
              USING ERRCODE = 'object_not_in_prerequisite_state',
                    HINT = 'Decompress them (SELECT decompress_chunk(c, true) FROM show_chunks(''<hypertable>'') AS c), '
                        || 'deploy again, and the compression policy compresses them again; or upgrade TimescaleDB to 2.20 or later.';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.assert_checks_addable(text, regclass[]) IS
    'Raises, naming the hypertables, when this TimescaleDB cannot add CHECK constraints to them (compressed chunks before 2.20)';

-- ---------------------------------------------------------------------------------------
-- add_checks: a table's new CHECK constraints in one ALTER TABLE. NOT VALID where it can
-- (a brief lock, no scan: validate_checks scans later without blocking writers); but
-- TimescaleDB refuses VALIDATE CONSTRAINT on a hypertable with compression enabled, so
-- there they are added validated, all in one pass over the chunks, under the lock.
-- A constraint of the same name left by an interrupted deploy is replaced: reruns work.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[])
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning  -- DROP ... IF EXISTS would NOTICE each absent constraint
AS $function$
DECLARE
    v_compressed_table boolean := maintenance.edition() = 'timescale' AND EXISTS (
        SELECT FROM timescaledb_information.hypertables AS h
         WHERE format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass = p_table AND h.compression_enabled);
BEGIN
    IF cardinality(p_names) IS DISTINCT FROM cardinality(p_expressions) OR cardinality(p_names) = 0 THEN
        RAISE EXCEPTION 'p_names, p_expressions: one expression per name is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM maintenance.assert_checks_addable(p_change, ARRAY[p_table]);
    EXECUTE format('ALTER TABLE %s %s', p_table,
                   (SELECT string_agg(format('DROP CONSTRAINT IF EXISTS %1$I, ADD CONSTRAINT %1$I CHECK (%2$s)%3$s',
                                             n, e, CASE WHEN v_compressed_table THEN '' ELSE ' NOT VALID' END), ', ' ORDER BY i)
                      FROM unnest(p_names, p_expressions) WITH ORDINALITY AS r (n, e, i)));
END
$function$;

COMMENT ON FUNCTION maintenance.add_checks(text, regclass, text[], text[]) IS
    'Adds named CHECK constraints to a table, NOT VALID where TimescaleDB allows validating them later (deploy helper)';

-- validate_checks: each named constraint still NOT VALID is validated (SHARE UPDATE
-- EXCLUSIVE: writers go on during the scan). Call it in a transaction of its own.
CREATE FUNCTION maintenance.validate_checks(p_table regclass, p_names text[])
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_name name;
BEGIN
    FOR v_name IN
        SELECT c.conname FROM pg_constraint AS c
         WHERE c.conrelid = p_table AND c.conname = ANY (p_names) AND NOT c.convalidated
         ORDER BY c.conname
    LOOP
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', p_table, v_name);
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.validate_checks(regclass, text[]) IS
    'Validates the named CHECK constraints of a table that are still NOT VALID (deploy helper)';

-- Deploy-time helpers of the owner.
REVOKE EXECUTE ON FUNCTION maintenance.assert_checks_addable(text, regclass[]) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.add_checks(text, regclass, text[], text[]) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.validate_checks(regclass, text[]) FROM marketdb_maintainer;

COMMIT;
