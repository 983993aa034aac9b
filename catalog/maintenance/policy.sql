-- TABLE: policy
CREATE TABLE maintenance.policy (
    parent_table text NOT NULL,
    kind text DEFAULT 'partitioned'::text NOT NULL,
    partition_interval interval DEFAULT '1 day'::interval NOT NULL,
    premake_days integer DEFAULT 7 NOT NULL,
    retention interval,
    retention_action text DEFAULT 'drop'::text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_run_at timestamp with time zone,
    last_outcome text,
    last_success_at timestamp with time zone,
    compact_after interval,
    export_archives boolean DEFAULT false NOT NULL,
    CONSTRAINT policy_compact_after_range CHECK (((compact_after >= '1 day'::interval) AND (compact_after <= '10 years'::interval))),
    CONSTRAINT policy_compact_before_retention CHECK ((compact_after < retention)),
    CONSTRAINT policy_compact_partitioned_only CHECK (((compact_after IS NULL) OR (kind = 'partitioned'::text))),
    CONSTRAINT policy_export_archives_detach CHECK (((NOT export_archives) OR (retention_action = 'detach'::text))),
    CONSTRAINT policy_hypertable_no_premake CHECK (((kind <> 'hypertable'::text) OR (premake_days = 0))),
    CONSTRAINT policy_hypertable_retention_drops CHECK (((kind <> 'hypertable'::text) OR (retention_action = 'drop'::text))),
    CONSTRAINT policy_kind_known CHECK ((kind = ANY (ARRAY['partitioned'::text, 'hypertable'::text]))),
    CONSTRAINT policy_last_outcome_known CHECK ((last_outcome = ANY (ARRAY['ok'::text, 'noop'::text, 'partial'::text, 'skip'::text, 'lock_timeout'::text, 'error'::text]))),
    CONSTRAINT policy_parent_table_qualified CHECK ((parent_table ~ '^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$'::text)),
    CONSTRAINT policy_partitioned_interval_one_day CHECK (((kind <> 'partitioned'::text) OR (partition_interval = '1 day'::interval))),
    CONSTRAINT policy_premake_days_range CHECK (((premake_days >= 0) AND (premake_days <= 366))),
    CONSTRAINT policy_retention_action_known CHECK ((retention_action = ANY (ARRAY['drop'::text, 'detach'::text]))),
    CONSTRAINT policy_retention_positive CHECK ((retention > '00:00:00'::interval))
);


ALTER TABLE maintenance.policy OWNER TO marketdb_owner;
-- COMMENT: TABLE policy
COMMENT ON TABLE maintenance.policy IS 'Partition and retention policy per managed parent table, applied by maintenance.run_maintenance()';
-- COMMENT: COLUMN policy.partition_interval
COMMENT ON COLUMN maintenance.policy.partition_interval IS 'Partition size: 1 day for partitioned tables, the chunk interval for hypertables';
-- COMMENT: COLUMN policy.premake_days
COMMENT ON COLUMN maintenance.policy.premake_days IS 'Days after the reference day for which partitions must already exist (0 for hypertables)';
-- COMMENT: COLUMN policy.retention
COMMENT ON COLUMN maintenance.policy.retention IS 'Partitions wholly older than reference time - retention are removed; NULL keeps everything';
-- COMMENT: COLUMN policy.retention_action
COMMENT ON COLUMN maintenance.policy.retention_action IS 'drop: DROP TABLE the partition; detach: DETACH it and keep it as a plain table (archive)';
-- COMMENT: COLUMN policy.last_run_at
COMMENT ON COLUMN maintenance.policy.last_run_at IS 'When the last run that could change this table finished with it (dry runs excluded)';
-- COMMENT: COLUMN policy.last_outcome
COMMENT ON COLUMN maintenance.policy.last_outcome IS 'How that run ended for this table: ok, noop, partial (work left for the next run), skip, lock_timeout, error';
-- COMMENT: COLUMN policy.last_success_at
COMMENT ON COLUMN maintenance.policy.last_success_at IS 'When a run last finished this table''s work (outcome ok or noop)';
-- COMMENT: COLUMN policy.compact_after
COMMENT ON COLUMN maintenance.policy.compact_after IS 'Daily partitions of a UTC month wholly older than this are merged into one monthly partition (NULL: never)';
-- COMMENT: COLUMN policy.export_archives
COMMENT ON COLUMN maintenance.policy.export_archives IS 'detach, export, drop: the archive tables retention keeps go to files (marketdb maintain given a directory, or marketdb archive export) and are dropped once checked';
-- CONSTRAINT: policy policy_pkey
ALTER TABLE ONLY maintenance.policy
    ADD CONSTRAINT policy_pkey PRIMARY KEY (parent_table);
-- ACL: TABLE policy
GRANT SELECT ON TABLE maintenance.policy TO marketdb_reader;
