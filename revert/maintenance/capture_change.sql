-- Revert marketdb:maintenance/capture_change from pg

-- Adopting changed nothing, so nothing is undone: maintenance.capture_change stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
