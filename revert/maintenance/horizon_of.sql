-- Revert marketdb:maintenance/horizon_of from pg

-- Adopting changed nothing, so nothing is undone: maintenance.horizon_of stays as
-- maintenance/default_horizon made it.

BEGIN;

COMMIT;
