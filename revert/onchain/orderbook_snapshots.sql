-- Revert marketdb:onchain/orderbook_snapshots from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'onchain.orderbook_snapshots';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE onchain.orderbook_snapshots;

COMMIT;
