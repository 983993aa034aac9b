-- Revert marketdb:maintenance/add_checks from pg

-- Adopting changed nothing, so nothing is undone: maintenance.add_checks stays as
-- maintenance/constraint_guard made it.

BEGIN;

COMMIT;
