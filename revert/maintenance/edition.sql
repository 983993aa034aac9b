-- Revert marketdb:maintenance/edition from pg

-- Adopting changed nothing, so nothing is undone: maintenance.edition stays as
-- maintenance/hypertables made it.

BEGIN;

COMMIT;
