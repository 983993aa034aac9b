-- Revert marketdb:maintenance/privileges_of from pg

-- Adopting changed nothing, so nothing is undone: maintenance.privileges_of stays as
-- maintenance/partition_privileges made it.

BEGIN;

COMMIT;
