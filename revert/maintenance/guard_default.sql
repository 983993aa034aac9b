-- Revert marketdb:maintenance/guard_default from pg

-- Adopting changed nothing, so nothing is undone: maintenance.guard_default stays as
-- maintenance/default_horizon made it.

BEGIN;

COMMIT;
