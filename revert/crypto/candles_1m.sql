-- Revert marketdb:crypto/candles_1m from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'crypto.candles_1m';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE crypto.candles_1m;

COMMIT;
