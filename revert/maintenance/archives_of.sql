-- Revert marketdb:maintenance/archives_of from pg

-- Adopting changed nothing, so nothing is undone: maintenance.archives_of stays as
-- maintenance/partition_privileges made it.

BEGIN;

COMMIT;
