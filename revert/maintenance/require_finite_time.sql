-- Revert marketdb:maintenance/require_finite_time from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_finite_time stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
