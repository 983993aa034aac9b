-- Revert marketdb:maintenance/compact_for from pg

-- Adopting changed nothing, so nothing is undone: maintenance.compact_for stays as
-- maintenance/compaction_skip made it.

BEGIN;

COMMIT;
