-- Deploy marketdb:maintenance/registry to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- One row per managed parent: a natively partitioned table now, a hypertable later.
-- Environment-specific values (premake, retention) are data here, changed by a DBA with an
-- UPDATE, never by copying DDL; the constraints keep bad values out.
CREATE TABLE maintenance.policy (
    parent_table       text        NOT NULL,
    kind               text        NOT NULL DEFAULT 'partitioned',
    partition_interval interval    NOT NULL DEFAULT interval '1 day',
    premake_days       integer     NOT NULL DEFAULT 7,
    retention          interval,
    retention_action   text        NOT NULL DEFAULT 'drop',
    enabled            boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT policy_pkey PRIMARY KEY (parent_table),
    -- Stored as 'schema.table' text, not regclass: a registry row must survive a dump and
    -- restore, and lower-case unquoted names are the house rule anyway.
    CONSTRAINT policy_parent_table_qualified CHECK (parent_table ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'),
    -- partitioned: native PARTITION BY RANGE, maintained by maintenance.maintain_partitioned;
    -- hypertable: TimescaleDB, maintained by maintenance.maintain_hypertable.
    CONSTRAINT policy_kind_known CHECK (kind IN ('partitioned', 'hypertable')),
    -- Daily partitions are what the maintenance function creates and names (_pYYYYMMDD).
    CONSTRAINT policy_partitioned_interval_one_day CHECK (kind <> 'partitioned' OR partition_interval = interval '1 day'),
    -- TimescaleDB makes chunks as rows arrive (nothing to premake) and removes them only with
    -- drop_chunks (no detach).
    CONSTRAINT policy_hypertable_no_premake CHECK (kind <> 'hypertable' OR premake_days = 0),
    CONSTRAINT policy_hypertable_retention_drops CHECK (kind <> 'hypertable' OR retention_action = 'drop'),
    CONSTRAINT policy_premake_days_range CHECK (premake_days BETWEEN 0 AND 366),
    CONSTRAINT policy_retention_positive CHECK (retention > interval '0'),
    CONSTRAINT policy_retention_action_known CHECK (retention_action IN ('drop', 'detach'))
);

COMMENT ON TABLE maintenance.policy IS
    'Partition and retention policy per managed parent table, applied by maintenance.run_maintenance()';
COMMENT ON COLUMN maintenance.policy.partition_interval IS
    'Partition size: 1 day for partitioned tables, the chunk interval for hypertables';
COMMENT ON COLUMN maintenance.policy.premake_days IS
    'Days after the reference day for which partitions must already exist (0 for hypertables)';
COMMENT ON COLUMN maintenance.policy.retention IS
    'Partitions wholly older than reference time - retention are removed; NULL keeps everything';
COMMENT ON COLUMN maintenance.policy.retention_action IS
    'drop: DROP TABLE the partition; detach: DETACH it and keep it as a plain table (archive)';

-- Every run, its actions and its error, readable by the reader role (default privileges).
CREATE TABLE maintenance.run_log (
    run_id         bigint      GENERATED ALWAYS AS IDENTITY,
    started_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at    timestamptz,
    reference_time timestamptz NOT NULL,
    parent_table   text,
    dry_run        boolean     NOT NULL,
    run_by         text        NOT NULL DEFAULT session_user,
    status         text        NOT NULL DEFAULT 'running',
    actions        jsonb       NOT NULL DEFAULT '[]',
    error          text,
    CONSTRAINT run_log_pkey PRIMARY KEY (run_id),
    CONSTRAINT run_log_status_known CHECK (status IN ('running', 'ok', 'noop', 'partial', 'error')),
    CONSTRAINT run_log_finished_after_start CHECK (finished_at >= started_at)
);

COMMENT ON TABLE maintenance.run_log IS
    'One row per maintenance run: NULL parent_table means all enabled policies';
COMMENT ON COLUMN maintenance.run_log.status IS
    'ok: all actions done; noop: nothing to do; partial: some action hit lock_timeout or failed; error: the run failed';

CREATE INDEX run_log_started_at_idx ON maintenance.run_log (started_at DESC);

-- What every maintenance function returns: one row per action.
CREATE TYPE maintenance.action AS (
    parent_table   text,
    action         text,
    partition_name text,
    rows_moved     bigint,
    detail         text
);

COMMENT ON TYPE maintenance.action IS
    'action is one of create, rescue, drop, detach, noop, skip, lock_timeout, error';

COMMIT;
