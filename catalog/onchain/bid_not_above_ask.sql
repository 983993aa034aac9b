-- FUNCTION: bid_not_above_ask(jsonb, jsonb)
CREATE FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE WHEN jsonb_typeof(p_bids) = 'array' AND jsonb_typeof(p_asks) = 'array' THEN
               coalesce((SELECT max((b.level ->> 0)::numeric) FROM jsonb_array_elements(p_bids) AS b (level)
                          WHERE jsonb_typeof(b.level -> 0) = 'number')
                        <= (SELECT min((a.level ->> 0)::numeric) FROM jsonb_array_elements(p_asks) AS a (level)
                             WHERE jsonb_typeof(a.level -> 0) = 'number'), true)
           ELSE true END
$$;


ALTER FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION bid_not_above_ask(p_bids jsonb, p_asks jsonb)
COMMENT ON FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb) IS 'Whether the best bid (highest bid price) is at most the best ask (lowest ask price); true when a side is empty';
-- ACL: FUNCTION bid_not_above_ask(p_bids jsonb, p_asks jsonb)
REVOKE ALL ON FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb) TO marketdb_writer;
