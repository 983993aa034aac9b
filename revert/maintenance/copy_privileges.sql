-- Revert marketdb:maintenance/copy_privileges from pg

-- Adopting changed nothing, so nothing is undone: maintenance.copy_privileges stays as
-- maintenance/partition_privileges made it.

BEGIN;

COMMIT;
