-- Revert marketdb:maintenance/require_owned from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_owned stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
