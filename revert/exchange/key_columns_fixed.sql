-- Revert marketdb:exchange/key_columns_fixed from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

REVOKE UPDATE (yes_price, no_price, count, taker_side) ON exchange.trades FROM marketdb_writer;
REVOKE UPDATE (side, price, delta) ON exchange.orderbook_deltas FROM marketdb_writer;
REVOKE UPDATE (yes_bid, yes_ask, last_price, volume, open_interest) ON exchange.market_snapshots FROM marketdb_writer;
GRANT UPDATE ON exchange.trades, exchange.orderbook_deltas, exchange.market_snapshots TO marketdb_writer;

COMMIT;
