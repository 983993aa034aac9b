-- Verify marketdb:exchange/key_columns_fixed on pg

BEGIN;

SELECT 1 / (NOT has_column_privilege('marketdb_writer', 'exchange.trades', 'ts', 'UPDATE'))::integer;
SELECT 1 / (NOT has_column_privilege('marketdb_writer', 'exchange.orderbook_deltas', 'ts', 'UPDATE'))::integer;
SELECT 1 / (NOT has_column_privilege('marketdb_writer', 'exchange.market_snapshots', 'ts', 'UPDATE'))::integer;
SELECT 1 / has_column_privilege('marketdb_writer', 'exchange.market_snapshots', 'yes_bid', 'UPDATE')::integer;

ROLLBACK;
