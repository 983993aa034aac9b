-- Revert marketdb:maintenance/policy_state from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE maintenance.policy
    DROP CONSTRAINT policy_last_outcome_known,
    DROP COLUMN last_run_at,
    DROP COLUMN last_outcome,
    DROP COLUMN last_success_at;

COMMIT;
