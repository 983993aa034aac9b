-- Revert marketdb:maintenance/drop_rollup from pg

-- Adopting changed nothing, so nothing is undone: maintenance.drop_rollup stays as
-- maintenance/hypertables made it.

BEGIN;

COMMIT;
