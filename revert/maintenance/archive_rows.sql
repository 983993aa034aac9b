-- Revert marketdb:maintenance/archive_rows from pg

-- Adopting changed nothing, so nothing is undone: maintenance.archive_rows stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
