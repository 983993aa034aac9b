-- Revert marketdb:exchange/trades from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'exchange.trades';

-- Drops every attached partition with it. Partitions detached by retention are archives
-- and are left alone (trades have no retention, so there are none).
DROP TABLE exchange.trades;

COMMIT;
