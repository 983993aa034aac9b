-- Revert marketdb:equities/assets from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TABLE equities.assets;

COMMIT;
