-- Revert marketdb:maintenance/privilege_signature from pg

-- Adopting changed nothing, so nothing is undone: maintenance.privilege_signature stays as
-- maintenance/partition_privileges made it.

BEGIN;

COMMIT;
