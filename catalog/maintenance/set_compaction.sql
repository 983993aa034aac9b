-- FUNCTION: set_compaction(text, interval)
CREATE FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    UPDATE maintenance.policy AS p SET compact_after = p_compact_after WHERE p.parent_table = v_canonical;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
END
$$;


ALTER FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION set_compaction(p_parent_table text, p_compact_after interval)
COMMENT ON FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval) IS 'Sets after how long a table''s daily partitions are merged into months (NULL: never; owner only)';
-- ACL: FUNCTION set_compaction(p_parent_table text, p_compact_after interval)
REVOKE ALL ON FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval) FROM PUBLIC;
