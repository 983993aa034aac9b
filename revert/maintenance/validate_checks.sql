-- Revert marketdb:maintenance/validate_checks from pg

-- Adopting changed nothing, so nothing is undone: maintenance.validate_checks stays as
-- maintenance/constraint_guard made it.

BEGIN;

COMMIT;
