-- Revert marketdb:maintenance/create_rollup from pg

-- Adopting changed nothing, so nothing is undone: maintenance.create_rollup stays as
-- maintenance/hypertables made it.

BEGIN;

COMMIT;
