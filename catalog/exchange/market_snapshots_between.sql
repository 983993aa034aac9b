-- FUNCTION: market_snapshots_between(timestamp with time zone, timestamp with time zone, text)
CREATE FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text DEFAULT NULL::text) RETURNS SETOF exchange.market_snapshots
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN QUERY EXECUTE exchange.range_query('exchange.market_snapshots', p_from, p_to, p_ticker);
END
$$;


ALTER FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text)
COMMENT ON FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) IS 'Market snapshots with p_from <= ts < p_to (of one ticker when given), planned with literal bounds so only their partitions are read';
-- ACL: FUNCTION market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text)
REVOKE ALL ON FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) FROM PUBLIC;
GRANT ALL ON FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) TO marketdb_reader;
GRANT ALL ON FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text) TO marketdb_writer;
