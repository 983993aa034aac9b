-- Revert marketdb:maintenance/register_hypertable from pg

-- Adopting changed nothing, so nothing is undone: maintenance.register_hypertable stays as
-- maintenance/register made it.

BEGIN;

COMMIT;
