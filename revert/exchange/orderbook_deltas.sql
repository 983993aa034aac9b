-- Revert marketdb:exchange/orderbook_deltas from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'exchange.orderbook_deltas';

-- Drops every attached partition with it; partitions detached by retention are archives
-- and are left for the DBA.
DROP TABLE exchange.orderbook_deltas;

COMMIT;
