-- Revert marketdb:maintenance/row_match from pg

-- Adopting changed nothing, so nothing is undone: maintenance.row_match stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
