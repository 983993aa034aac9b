-- FUNCTION: enable_compression(regclass, text, text, interval)
CREATE FUNCTION maintenance.enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RAISE NOTICE 'TimescaleDB edition %: no compression for % (needs the timescale edition); skipped',
            maintenance.edition(), p_hypertable;
        RETURN false;
    END IF;
    EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                   p_hypertable, p_segment_by, p_order_by);
    PERFORM timescaledb.add_compression_policy(p_hypertable, compress_after => p_compress_after);
    RETURN true;
END
$$;


ALTER FUNCTION maintenance.enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval)
COMMENT ON FUNCTION maintenance.enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval) IS 'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only. Every unique key column must be in segment by or order by, or lead a btree index (maintenance/compression_settings)';
-- ACL: FUNCTION enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval)
REVOKE ALL ON FUNCTION maintenance.enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval) FROM PUBLIC;
