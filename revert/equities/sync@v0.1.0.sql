-- Revert marketdb:equities/sync from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION equities.record_sync(text, timestamptz);
DROP FUNCTION equities.claim_assets_for_sync(interval, integer, interval);

COMMIT;
