-- Deploy marketdb:maintenance/assert_checks_addable to pg
-- requires: maintenance/constraint_guard
-- requires: maintenance/can_add_checks

-- The constraint guard by capability, not by version. TimescaleDB 2.19 refuses to add a
-- CHECK to a hypertable holding compressed chunks; later releases may (2.29 does). So the
-- guard asks maintenance.can_add_checks(), which tries one and rolls it back. A refusal
-- stops the deploy as before, naming the hypertables; success lets the row rules
-- be added, and TimescaleDB then checks new rows into compressed ranges against them.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[])
RETURNS void
LANGUAGE plpgsql
VOLATILE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_blocked text;
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RETURN;  -- no compression, nothing can block
    END IF;
    -- Only hypertables holding compressed chunks are probed: nothing else can refuse.
    SELECT string_agg(format('%s (%s compressed chunks)', c.hypertable, c.n), ', ' ORDER BY c.hypertable::text)
      INTO v_blocked
      FROM (SELECT format('%I.%I', hypertable_schema, hypertable_name)::regclass AS hypertable, count(*) AS n
              FROM timescaledb_information.chunks
             WHERE is_compressed
               AND format('%I.%I', hypertable_schema, hypertable_name)::regclass = ANY (p_tables)
             GROUP BY 1) AS c
     WHERE NOT maintenance.can_add_checks(c.hypertable);
    IF v_blocked IS NOT NULL THEN
        RAISE EXCEPTION '%: TimescaleDB % cannot add CHECK constraints to hypertables holding compressed chunks: %',
                        p_change, (SELECT substring(extversion FROM '^[0-9]+\.[0-9]+') FROM pg_extension WHERE extname = 'timescaledb'), v_blocked
              USING ERRCODE = 'object_not_in_prerequisite_state',
                    HINT = 'Decompress them (SELECT decompress_chunk(c, true) FROM show_chunks(''<hypertable>'') AS c), '
                        || 'deploy again, and the compression policy compresses them again; or upgrade TimescaleDB to 2.20 or later.';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.assert_checks_addable(text, regclass[]) IS
    'Raises, naming the hypertables, when this TimescaleDB cannot add CHECK constraints to them (found by trying)';

COMMIT;
