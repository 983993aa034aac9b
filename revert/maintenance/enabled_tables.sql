-- Revert marketdb:maintenance/enabled_tables from pg

-- Adopting changed nothing, so nothing is undone: maintenance.enabled_tables stays as
-- maintenance/run made it.

BEGIN;

COMMIT;
