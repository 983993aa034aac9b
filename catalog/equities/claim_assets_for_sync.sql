-- FUNCTION: claim_assets_for_sync(interval, integer, interval)
CREATE FUNCTION equities.claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval DEFAULT '00:15:00'::interval) RETURNS TABLE(symbol text, exchange text, last_synced timestamp with time zone)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    -- Bounds, so no argument can take an asset out of sync for ever: a max age of
    -- 'infinity' or a thousand years would never find it due, such a lease never release it.
    IF p_max_age IS NULL OR p_max_age < interval '0' OR NOT isfinite(p_max_age) OR p_max_age > interval '10 years' THEN
        RAISE EXCEPTION 'p_max_age must be from 0 to 10 years, got %', coalesce(p_max_age::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 THEN
        RAISE EXCEPTION 'p_limit must be 1 or more, got %', coalesce(p_limit::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_lease IS NULL OR p_lease <= interval '0' OR NOT isfinite(p_lease) OR p_lease > interval '1 day' THEN
        RAISE EXCEPTION 'p_lease must be positive and at most 1 day, got %', coalesce(p_lease::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH due AS (
        SELECT a.symbol
          FROM equities.assets AS a
         WHERE a.is_active
           AND (a.last_synced IS NULL OR a.last_synced < now() - p_max_age)
           AND (a.sync_claimed_until IS NULL OR a.sync_claimed_until < now())
         ORDER BY a.last_synced NULLS FIRST, a.symbol
         LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE equities.assets AS a
           SET sync_claimed_until = now() + p_lease
          FROM due
         WHERE a.symbol = due.symbol
        RETURNING a.symbol, a.exchange, a.last_synced
    )
    SELECT c.symbol, c.exchange, c.last_synced FROM claimed AS c ORDER BY c.last_synced NULLS FIRST, c.symbol;
END
$$;


ALTER FUNCTION equities.claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval)
COMMENT ON FUNCTION equities.claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval) IS 'Claims up to p_limit active assets due for sync, oldest first; concurrent callers get disjoint assets';
-- ACL: FUNCTION claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval)
REVOKE ALL ON FUNCTION equities.claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval) FROM PUBLIC;
GRANT ALL ON FUNCTION equities.claim_assets_for_sync(p_max_age interval, p_limit integer, p_lease interval) TO marketdb_writer;
