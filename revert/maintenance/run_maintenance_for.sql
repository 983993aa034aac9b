-- Revert marketdb:maintenance/run_maintenance_for from pg

-- Adopting changed nothing, so nothing is undone: maintenance.run_maintenance_for stays as
-- maintenance/run made it.

BEGIN;

COMMIT;
