-- Revert marketdb:maintenance/set_compaction from pg

-- Adopting changed nothing, so nothing is undone: maintenance.set_compaction stays as
-- maintenance/compaction made it.

BEGIN;

COMMIT;
