-- Revert marketdb:maintenance/run_maintenance from pg

-- Adopting changed nothing, so nothing is undone: maintenance.run_maintenance stays as
-- maintenance/run made it.

BEGIN;

COMMIT;
