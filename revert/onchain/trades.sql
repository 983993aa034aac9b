-- Revert marketdb:onchain/trades from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'onchain.trades';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE onchain.trades;

COMMIT;
