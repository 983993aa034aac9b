-- Revert marketdb:equities/claim_assets_for_sync from pg

-- Adopting changed nothing, so nothing is undone: equities.claim_assets_for_sync stays as
-- equities/sync made it.

BEGIN;

COMMIT;
