-- Revert marketdb:maintenance/assert_checks_addable from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- assert_checks_addable as maintenance/constraint_guard made it (by version).
CREATE OR REPLACE FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[])
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

COMMIT;
