-- Revert marketdb:macro/instruments from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TABLE macro.instruments;

COMMIT;
