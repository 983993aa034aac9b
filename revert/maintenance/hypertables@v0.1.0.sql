-- Revert marketdb:maintenance/hypertables from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer);
DROP FUNCTION maintenance.register_hypertable(text, interval);
DROP FUNCTION maintenance.drop_rollup(text);
DROP FUNCTION maintenance.create_rollup(text, text, interval, interval);
DROP FUNCTION maintenance.enable_compression(regclass, text, text, interval);
DROP FUNCTION maintenance.edition();

COMMIT;
