-- FUNCTION: assert_checks_addable(text, regclass[])
CREATE FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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
$$;


ALTER FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION assert_checks_addable(p_change text, p_tables regclass[])
COMMENT ON FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[]) IS 'Raises, naming the hypertables, when this TimescaleDB cannot add CHECK constraints to them (found by trying)';
-- ACL: FUNCTION assert_checks_addable(p_change text, p_tables regclass[])
REVOKE ALL ON FUNCTION maintenance.assert_checks_addable(p_change text, p_tables regclass[]) FROM PUBLIC;
