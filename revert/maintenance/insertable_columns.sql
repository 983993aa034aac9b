-- Revert marketdb:maintenance/insertable_columns from pg

-- Adopting changed nothing, so nothing is undone: maintenance.insertable_columns stays as
-- maintenance/checks made it.

BEGIN;

COMMIT;
