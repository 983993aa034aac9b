-- Revert marketdb:maintenance/partitions_of from pg

-- Adopting changed nothing, so nothing is undone: maintenance.partitions_of stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
