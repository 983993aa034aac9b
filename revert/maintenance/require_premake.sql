-- Revert marketdb:maintenance/require_premake from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_premake stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
