-- Revert marketdb:exchange/publication from pg

-- Subscriptions to it stop with an error on their side until they are dropped.
BEGIN;

SET LOCAL lock_timeout = '5s';

DROP PUBLICATION marketdb_exchange;

COMMIT;
