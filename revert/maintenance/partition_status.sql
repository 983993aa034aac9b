-- Revert marketdb:maintenance/partition_status from pg

-- Adopting changed nothing, so nothing is undone: maintenance.partition_status stays as
-- maintenance/status made it.

BEGIN;

COMMIT;
