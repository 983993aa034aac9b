-- Deploy marketdb:exchange/key_columns_fixed to pg
-- requires: exchange/trades
-- requires: exchange/orderbook_deltas
-- requires: exchange/market_snapshots

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The writer ingests and may correct values (INSERT ... ON CONFLICT DO UPDATE of the value
-- columns), but may not change what identifies a row or when it happened: an UPDATE of ts
-- could move rows out of retention's way (or into it), and of the key could merge rows.
-- So UPDATE is granted column by column, the natural key and created_at left out.
REVOKE UPDATE ON exchange.trades, exchange.orderbook_deltas, exchange.market_snapshots FROM marketdb_writer;
GRANT UPDATE (yes_price, no_price, count, taker_side) ON exchange.trades TO marketdb_writer;
GRANT UPDATE (side, price, delta) ON exchange.orderbook_deltas TO marketdb_writer;
GRANT UPDATE (yes_bid, yes_ask, last_price, volume, open_interest) ON exchange.market_snapshots TO marketdb_writer;

COMMIT;
