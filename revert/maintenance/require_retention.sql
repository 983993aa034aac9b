-- Revert marketdb:maintenance/require_retention from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_retention stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
