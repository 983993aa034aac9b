-- Revert marketdb:maintenance/require_table from pg

-- Adopting changed nothing, so nothing is undone: maintenance.require_table stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
