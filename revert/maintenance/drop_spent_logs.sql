-- Revert marketdb:maintenance/drop_spent_logs from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Logs left by merges go now: nothing would drop them any more.
SELECT maintenance.drop_spent_logs();
DROP FUNCTION maintenance.drop_spent_logs();

COMMIT;
