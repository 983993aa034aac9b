-- Revert marketdb:maintenance/horizon_trigger from pg

-- Adopting changed nothing, so nothing is undone: maintenance.horizon_trigger stays as
-- maintenance/default_horizon made it.

BEGIN;

COMMIT;
