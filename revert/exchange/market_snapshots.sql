-- Revert marketdb:exchange/market_snapshots from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'exchange.market_snapshots';

DROP TABLE exchange.market_snapshots;

COMMIT;
