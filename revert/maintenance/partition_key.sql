-- Revert marketdb:maintenance/partition_key from pg

-- Adopting changed nothing, so nothing is undone: maintenance.partition_key stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
