-- Revert marketdb:maintenance/set_captures from pg

-- Adopting changed nothing, so nothing is undone: maintenance.set_captures stays as
-- maintenance/compaction_captures made it.

BEGIN;

COMMIT;
