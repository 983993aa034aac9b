-- Deploy marketdb:maintenance/hypertables to pg
-- requires: maintenance/hypertables@v0.1.0
-- requires: maintenance/partitions

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Reworked after v0.1.0: registration moves to maintenance/register, beside the partitioned
-- tables' (one home for the argument rules both use). edition(), enable_compression(),
-- create_rollup(), drop_rollup() and maintain_hypertable() stay as they were (its row counts
-- are taken before drop_chunks takes any lock).
-- register_hypertable is made again by maintenance/register in the same deploy.
-- squawk-ignore-file ban-drop-function
DROP FUNCTION maintenance.register_hypertable(text, interval);

COMMIT;
