-- Revert marketdb:maintenance/stage_predicate from pg

-- Adopting changed nothing, so nothing is undone: maintenance.stage_predicate stays as
-- maintenance/partitions made it.

BEGIN;

COMMIT;
