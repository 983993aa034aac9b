-- Revert marketdb:maintenance/register_partitioned_table from pg

-- Adopting changed nothing, so nothing is undone: maintenance.register_partitioned_table
-- stays as maintenance/register made it.

BEGIN;

COMMIT;
