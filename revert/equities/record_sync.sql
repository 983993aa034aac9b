-- Revert marketdb:equities/record_sync from pg

-- Adopting changed nothing, so nothing is undone: equities.record_sync stays as
-- equities/sync made it.

BEGIN;

COMMIT;
