-- Revert marketdb:equities/corporate_actions from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP TABLE equities.corporate_actions;

COMMIT;
