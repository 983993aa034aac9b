-- Revert marketdb:maintenance/require_reference_time from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_reference_time stays
-- as maintenance/checks made it.

BEGIN;

COMMIT;
