-- Revert marketdb:maintenance/enable_compression from pg

-- Adopting changed nothing, so nothing is undone: maintenance.enable_compression stays as
-- maintenance/hypertables made it.

BEGIN;

COMMIT;
