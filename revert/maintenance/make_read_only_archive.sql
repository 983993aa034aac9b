-- Revert marketdb:maintenance/make_read_only_archive from pg

-- Adopting changed nothing, so nothing is undone: maintenance.make_read_only_archive stays
-- as maintenance/partition_privileges made it.

BEGIN;

COMMIT;
