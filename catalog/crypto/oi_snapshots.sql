-- TABLE: oi_snapshots
CREATE TABLE crypto.oi_snapshots (
    symbol text NOT NULL,
    snapshot_ts timestamp with time zone NOT NULL,
    open_interest numeric NOT NULL,
    open_interest_usd numeric,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    open_interest_bps numeric,
    CONSTRAINT oi_snapshots_open_interest_bps_finite CHECK (((open_interest_bps > '-Infinity'::numeric) AND (open_interest_bps < 'Infinity'::numeric))),
    CONSTRAINT oi_snapshots_open_interest_finite CHECK (((open_interest > '-Infinity'::numeric) AND (open_interest < 'Infinity'::numeric))),
    CONSTRAINT oi_snapshots_open_interest_not_negative CHECK (((open_interest >= (0)::numeric) AND (open_interest_usd >= (0)::numeric))),
    CONSTRAINT oi_snapshots_open_interest_usd_finite CHECK (((open_interest_usd > '-Infinity'::numeric) AND (open_interest_usd < 'Infinity'::numeric))),
    CONSTRAINT oi_snapshots_snapshot_ts_plausible CHECK (((snapshot_ts >= '2009-01-01 00:00:00+00'::timestamp with time zone) AND (snapshot_ts < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT oi_snapshots_symbol_length CHECK ((length(symbol) <= 64)),
    CONSTRAINT oi_snapshots_symbol_not_blank CHECK ((btrim(symbol) <> ''::text))
);


ALTER TABLE crypto.oi_snapshots OWNER TO marketdb_owner;
-- COMMENT: TABLE oi_snapshots
COMMENT ON TABLE crypto.oi_snapshots IS 'Open interest of perpetual futures per symbol (hypertable, 7 day chunks, 120 days)';
-- COMMENT: COLUMN oi_snapshots.open_interest_bps
COMMENT ON COLUMN crypto.oi_snapshots.open_interest_bps IS 'Optional: open interest in basis points, as the venue reports it (the seed''s "basis points" figure)';
-- CONSTRAINT: oi_snapshots oi_snapshots_pkey
ALTER TABLE ONLY crypto.oi_snapshots
    ADD CONSTRAINT oi_snapshots_pkey PRIMARY KEY (symbol, snapshot_ts);
-- INDEX: oi_snapshots_snapshot_ts_idx
CREATE INDEX oi_snapshots_snapshot_ts_idx ON crypto.oi_snapshots USING btree (snapshot_ts DESC);
-- TRIGGER: oi_snapshots ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON crypto.oi_snapshots FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE oi_snapshots
GRANT SELECT,INSERT,UPDATE ON TABLE crypto.oi_snapshots TO marketdb_writer;
GRANT SELECT ON TABLE crypto.oi_snapshots TO marketdb_reader;
