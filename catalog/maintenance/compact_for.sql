-- FUNCTION: compact_for(text, timestamp with time zone, boolean)
CREATE FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    -- Compaction off and no day capture left to remove: nothing to plan, no step to log.
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical AND p.compact_after IS NOT NULL)
       AND NOT EXISTS (SELECT FROM pg_inherits AS i JOIN pg_trigger AS t ON t.tgrelid = i.inhrelid
                        WHERE i.inhparent = v_canonical::regclass AND t.tgname = 'marketdb_rescue_capture') THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM maintenance.run_compaction(v_canonical, p_reference_time, p_dry_run);
END
$$;


ALTER FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean)
COMMENT ON FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean) IS 'Merges the oldest month of daily partitions due (one per call and transaction), or lists every month due as a dry run';
-- ACL: FUNCTION compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean)
REVOKE ALL ON FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean) TO marketdb_maintainer;
