-- Revert marketdb:maintenance/rescue_day from pg

-- Adopting changed nothing, so nothing is undone: maintenance.rescue_day stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
