-- Revert marketdb:maintenance/free_partition_name from pg

-- Adopting changed nothing, so nothing is undone: maintenance.free_partition_name stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
