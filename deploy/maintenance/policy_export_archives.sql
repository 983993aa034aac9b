-- Deploy marketdb:maintenance/policy_export_archives to pg
-- requires: maintenance/registry

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Retention "detach -> export -> drop": a detach policy whose days past retention, kept as
-- read-only archive tables, then go to files (`marketdb maintain --archive-to`, or `marketdb
-- archive export`) and are dropped once each file is checked. The files are outside the
-- database, so the export is the command line's; the registry says which tables want it.
-- A constant default: no rewrite. The CHECK scans the registry, a row per managed table, and
-- holds for every row as added (false): NOT VALID would only leave it unvalidated.
-- squawk-ignore-file constraint-missing-not-valid
ALTER TABLE maintenance.policy
    ADD COLUMN export_archives boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT policy_export_archives_detach CHECK (NOT export_archives OR retention_action = 'detach');

COMMENT ON COLUMN maintenance.policy.export_archives IS
    'detach, export, drop: the archive tables retention keeps go to files (marketdb maintain given a directory, or marketdb archive export) and are dropped once checked';

COMMIT;
