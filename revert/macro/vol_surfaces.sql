-- Revert marketdb:macro/vol_surfaces from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'macro.vol_surfaces';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE macro.vol_surfaces;

COMMIT;
