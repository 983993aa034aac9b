-- Revert marketdb:onchain/book_not_crossed from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE onchain.orderbook_snapshots DROP CONSTRAINT orderbook_snapshots_bid_not_above_ask;
DROP FUNCTION onchain.bid_not_above_ask(jsonb, jsonb);

COMMIT;
