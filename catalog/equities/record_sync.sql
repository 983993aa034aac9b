-- FUNCTION: record_sync(text, timestamp with time zone)
CREATE FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamp with time zone DEFAULT now()) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    -- A sync is recorded when it finishes: near the server's clock (a worker may report a
    -- little late, or with a clock a little ahead). '-infinity' or 1900 would make the asset
    -- look never synced, and a far-future time would hide it from every claim.
    IF p_synced_at IS NULL OR NOT isfinite(p_synced_at)
       OR p_synced_at > now() + interval '5 minutes' OR p_synced_at < now() - interval '1 day' THEN
        RAISE EXCEPTION 'p_synced_at must be within the last day (5 minutes ahead at most), got %', coalesce(p_synced_at::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE equities.assets AS a
       SET last_synced = p_synced_at, sync_claimed_until = NULL, updated_at = now()
     WHERE a.symbol = p_symbol;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_symbol: asset % does not exist', coalesce(p_symbol, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;


ALTER FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION record_sync(p_symbol text, p_synced_at timestamp with time zone)
COMMENT ON FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamp with time zone) IS 'Records a successful sync of one asset (last_synced) and releases its claim';
-- ACL: FUNCTION record_sync(p_symbol text, p_synced_at timestamp with time zone)
REVOKE ALL ON FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamp with time zone) TO marketdb_writer;
