-- Revert marketdb:maintenance/apply_captured from pg

-- Adopting changed nothing, so nothing is undone: maintenance.apply_captured stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
