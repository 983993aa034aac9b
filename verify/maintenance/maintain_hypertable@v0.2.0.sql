-- Verify marketdb:maintenance/maintain_hypertable on pg

BEGIN;

-- Retention looks up the rollups' watermarks before dropping chunks.
SELECT 1 / (pg_get_functiondef('maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%maintenance.rollups()%')::integer;

ROLLBACK;
