-- TABLE: run_log
CREATE TABLE maintenance.run_log (
    run_id bigint NOT NULL,
    started_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    finished_at timestamp with time zone,
    reference_time timestamp with time zone NOT NULL,
    parent_table text,
    dry_run boolean NOT NULL,
    run_by text DEFAULT SESSION_USER NOT NULL,
    status text DEFAULT 'running'::text NOT NULL,
    actions jsonb DEFAULT '[]'::jsonb NOT NULL,
    error text,
    CONSTRAINT run_log_finished_after_start CHECK ((finished_at >= started_at)),
    CONSTRAINT run_log_status_known CHECK ((status = ANY (ARRAY['running'::text, 'ok'::text, 'noop'::text, 'partial'::text, 'error'::text])))
);


ALTER TABLE maintenance.run_log OWNER TO marketdb_owner;
-- COMMENT: TABLE run_log
COMMENT ON TABLE maintenance.run_log IS 'One row per maintenance run: NULL parent_table means all enabled policies';
-- COMMENT: COLUMN run_log.status
COMMENT ON COLUMN maintenance.run_log.status IS 'ok: all actions done; noop: nothing to do; partial: some action hit lock_timeout or failed; error: the run failed';
-- SEQUENCE: run_log_run_id_seq
ALTER TABLE maintenance.run_log ALTER COLUMN run_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME maintenance.run_log_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
-- CONSTRAINT: run_log run_log_pkey
ALTER TABLE ONLY maintenance.run_log
    ADD CONSTRAINT run_log_pkey PRIMARY KEY (run_id);
-- INDEX: run_log_started_at_idx
CREATE INDEX run_log_started_at_idx ON maintenance.run_log USING btree (started_at DESC);
-- ACL: TABLE run_log
GRANT SELECT ON TABLE maintenance.run_log TO marketdb_reader;
