-- TABLE: price_snapshots
CREATE TABLE onchain.price_snapshots (
    token_id text NOT NULL,
    ts timestamp with time zone NOT NULL,
    price numeric(8,6) NOT NULL,
    best_bid numeric(8,6),
    best_ask numeric(8,6),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT price_snapshots_best_ask_range CHECK (((best_ask >= (0)::numeric) AND (best_ask <= (1)::numeric))),
    CONSTRAINT price_snapshots_best_bid_range CHECK (((best_bid >= (0)::numeric) AND (best_bid <= (1)::numeric))),
    CONSTRAINT price_snapshots_bid_not_above_ask CHECK ((best_bid <= best_ask)),
    CONSTRAINT price_snapshots_price_range CHECK (((price >= (0)::numeric) AND (price <= (1)::numeric))),
    CONSTRAINT price_snapshots_token_id_length CHECK ((length(token_id) <= 128)),
    CONSTRAINT price_snapshots_token_id_not_blank CHECK ((btrim(token_id) <> ''::text)),
    CONSTRAINT price_snapshots_ts_plausible CHECK (((ts >= '2020-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone)))
);


ALTER TABLE onchain.price_snapshots OWNER TO marketdb_owner;
-- COMMENT: TABLE price_snapshots
COMMENT ON TABLE onchain.price_snapshots IS 'Price of each outcome token over time (hypertable, 1 day chunks, 90 days)';
-- CONSTRAINT: price_snapshots price_snapshots_pkey
ALTER TABLE ONLY onchain.price_snapshots
    ADD CONSTRAINT price_snapshots_pkey PRIMARY KEY (token_id, ts);
-- INDEX: price_snapshots_ts_idx
CREATE INDEX price_snapshots_ts_idx ON onchain.price_snapshots USING btree (ts DESC);
-- TRIGGER: price_snapshots ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON onchain.price_snapshots FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE price_snapshots
GRANT SELECT,INSERT,UPDATE ON TABLE onchain.price_snapshots TO marketdb_writer;
GRANT SELECT ON TABLE onchain.price_snapshots TO marketdb_reader;
