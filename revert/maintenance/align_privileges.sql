-- Revert marketdb:maintenance/align_privileges from pg

-- Adopting changed nothing, so nothing is undone: maintenance.align_privileges stays as
-- maintenance/partition_privileges made it.

BEGIN;

COMMIT;
