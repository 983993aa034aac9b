-- Revert marketdb:maintenance/capture_log from pg

-- Adopting changed nothing, so nothing is undone: maintenance.capture_log stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
