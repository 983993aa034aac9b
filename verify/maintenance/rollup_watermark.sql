-- Verify marketdb:maintenance/rollup_watermark on pg

BEGIN;

SELECT maintenance.rollups();
-- Retention looks up the rollups' watermarks before dropping chunks.
SELECT 1 / (pg_get_functiondef('maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%maintenance.rollups()%')::integer;

ROLLBACK;
