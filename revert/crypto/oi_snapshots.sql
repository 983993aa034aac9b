-- Revert marketdb:crypto/oi_snapshots from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'crypto.oi_snapshots';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE crypto.oi_snapshots;

COMMIT;
