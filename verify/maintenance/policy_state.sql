-- Verify marketdb:maintenance/policy_state on pg

BEGIN;

SELECT last_run_at, last_outcome, last_success_at FROM maintenance.policy WHERE false;

ROLLBACK;
