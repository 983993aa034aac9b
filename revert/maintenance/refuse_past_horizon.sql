-- Revert marketdb:maintenance/refuse_past_horizon from pg

-- Adopting changed nothing, so nothing is undone: maintenance.refuse_past_horizon stays as
-- maintenance/default_horizon made it.

BEGIN;

COMMIT;
