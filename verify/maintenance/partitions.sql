-- Verify marketdb:maintenance/partitions on pg

BEGIN;

-- The reworked instance: partitioned tables only, with online rescue, archive and plan steps.
SELECT 'maintenance.rescue_day(regclass, text, date)'::regprocedure,
       'maintenance.archive_rows(maintenance.policy, date, text, bigint)'::regprocedure,
       'maintenance.make_read_only_archive(regclass)'::regprocedure,
       'maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer)'::regprocedure,
       'maintenance.plan_step'::regtype,
       'maintenance.capture_change()'::regprocedure,
       'maintenance.stage_rows(regclass, regclass, text, date, date[])'::regprocedure,
       'maintenance.apply_captured(regclass, regclass, name, date, date[], pg_snapshot, pg_snapshot)'::regprocedure;
SELECT 1 / (to_regprocedure('maintenance.resolve_table(text)') IS NULL)::integer;

ROLLBACK;
