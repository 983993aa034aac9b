-- Deploy marketdb:onchain/book_not_crossed to pg
-- requires: onchain/orderbook_snapshots
-- requires: onchain/row_rules
-- requires: maintenance/constraint_guard
-- non-transactional: the rule is added in one transaction (NOT VALID where TimescaleDB
-- allows it), then validated in another while writers go on, as onchain/row_rules does.

-- A crossed book (best bid above best ask) is a feed error, refused by name as the
-- exchange's snapshots refuse one (market_snapshots_bid_not_above_ask). A locked book (bid
-- equal to ask) is a real state and is stored; a side with no level crosses nothing.
-- Prices are a level's first element, as orderbook_snapshots_{bids,asks}_levels require;
-- a malformed side passes here (this rule is checked first, by name order) so that those
-- rules refuse it by their names.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE FUNCTION onchain.bid_not_above_ask(p_bids jsonb, p_asks jsonb)
RETURNS boolean
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT CASE WHEN jsonb_typeof(p_bids) = 'array' AND jsonb_typeof(p_asks) = 'array' THEN
               coalesce((SELECT max((b.level ->> 0)::numeric) FROM jsonb_array_elements(p_bids) AS b (level)
                          WHERE jsonb_typeof(b.level -> 0) = 'number')
                        <= (SELECT min((a.level ->> 0)::numeric) FROM jsonb_array_elements(p_asks) AS a (level)
                             WHERE jsonb_typeof(a.level -> 0) = 'number'), true)
           ELSE true END
$function$;

COMMENT ON FUNCTION onchain.bid_not_above_ask(jsonb, jsonb) IS
    'Whether the best bid (highest bid price) is at most the best ask (lowest ask price); true when a side is empty';

-- A CHECK runs its function with the rights of whoever writes the row.
GRANT EXECUTE ON FUNCTION onchain.bid_not_above_ask(jsonb, jsonb) TO marketdb_writer;

SELECT maintenance.add_checks('onchain/book_not_crossed', 'onchain.orderbook_snapshots',
                              ARRAY['orderbook_snapshots_bid_not_above_ask'], ARRAY['onchain.bid_not_above_ask(bids, asks)']);

COMMIT;

SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('onchain.orderbook_snapshots', ARRAY['orderbook_snapshots_bid_not_above_ask']);
RESET ROLE;
RESET lock_timeout;
