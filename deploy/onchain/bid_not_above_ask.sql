-- Deploy marketdb:onchain/bid_not_above_ask to pg
-- requires: onchain/book_not_crossed
-- adopted from: onchain/book_not_crossed

-- onchain.bid_not_above_ask as onchain/book_not_crossed left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework onchain/bid_not_above_ask`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT CASE WHEN jsonb_typeof(p_bids) = 'array' AND jsonb_typeof(p_asks) = 'array' THEN
               coalesce((SELECT max((b.level ->> 0)::numeric) FROM jsonb_array_elements(p_bids) AS b (level)
                          WHERE jsonb_typeof(b.level -> 0) = 'number')
                        <= (SELECT min((a.level ->> 0)::numeric) FROM jsonb_array_elements(p_asks) AS a (level)
                             WHERE jsonb_typeof(a.level -> 0) = 'number'), true)
           ELSE true END
$function$;

COMMENT ON FUNCTION onchain.bid_not_above_ask(jsonb,jsonb) IS
    'Whether the best bid (highest bid price) is at most the best ask (lowest ask price); true when a side is empty';

REVOKE ALL ON FUNCTION onchain.bid_not_above_ask(jsonb,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION onchain.bid_not_above_ask(jsonb,jsonb) TO marketdb_writer;

COMMIT;
