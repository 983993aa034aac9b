-- Revert marketdb:maintenance/partition_tiers from pg

-- Adopting changed nothing, so nothing is undone: maintenance.partition_tiers stays as
-- maintenance/compaction made it.

BEGIN;

COMMIT;
