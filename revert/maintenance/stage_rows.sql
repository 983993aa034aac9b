-- Revert marketdb:maintenance/stage_rows from pg

-- Adopting changed nothing, so nothing is undone: maintenance.stage_rows stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
