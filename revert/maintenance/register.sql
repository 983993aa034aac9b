-- Revert marketdb:maintenance/register from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.register_partitioned_table(text, integer, interval, text, interval);
DROP FUNCTION maintenance.register_hypertable(text, interval);

COMMIT;
