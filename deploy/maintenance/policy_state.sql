-- Deploy marketdb:maintenance/policy_state to pg
-- requires: maintenance/registry
-- squawk-ignore-file constraint-missing-not-valid

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Each run that changes anything records, on the table's policy row, how it ended; a run
-- that ended done or with nothing to do also records its time as the last success. So
-- `marketdb status` can flag a table nobody has maintained lately (a broken cron, a table
-- that keeps timing out) without scanning the run log.
ALTER TABLE maintenance.policy
    ADD COLUMN last_run_at     timestamptz,
    ADD COLUMN last_outcome    text,
    ADD COLUMN last_success_at timestamptz,
    ADD CONSTRAINT policy_last_outcome_known
        CHECK (last_outcome IN ('ok', 'noop', 'partial', 'skip', 'lock_timeout', 'error'));

COMMENT ON COLUMN maintenance.policy.last_run_at IS
    'When the last run that could change this table finished with it (dry runs excluded)';
COMMENT ON COLUMN maintenance.policy.last_outcome IS
    'How that run ended for this table: ok, noop, partial (work left for the next run), skip, lock_timeout, error';
COMMENT ON COLUMN maintenance.policy.last_success_at IS
    'When a run last finished this table''s work (outcome ok or noop)';

COMMIT;
