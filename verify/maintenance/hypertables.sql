-- Verify marketdb:maintenance/hypertables on pg

BEGIN;

-- The reworked instance keeps the edition helpers and hypertable retention.
SELECT 'maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer)'::regprocedure,
       'maintenance.enable_compression(regclass, text, text, interval)'::regprocedure,
       'maintenance.create_rollup(text, text, interval, interval)'::regprocedure;
SELECT maintenance.edition();

ROLLBACK;
