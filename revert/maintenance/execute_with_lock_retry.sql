-- Revert marketdb:maintenance/execute_with_lock_retry from pg

-- Adopting changed nothing, so nothing is undone: maintenance.execute_with_lock_retry stays
-- as maintenance/partitions made it.

BEGIN;

COMMIT;
