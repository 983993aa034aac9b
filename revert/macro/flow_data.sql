-- Revert marketdb:macro/flow_data from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DELETE FROM maintenance.policy WHERE parent_table = 'macro.flow_data';

-- Drops its chunks, compression settings and policies with it.
DROP TABLE macro.flow_data;

COMMIT;
