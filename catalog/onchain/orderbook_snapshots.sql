-- TABLE: orderbook_snapshots
CREATE TABLE onchain.orderbook_snapshots (
    token_id text NOT NULL,
    ts timestamp with time zone NOT NULL,
    bids jsonb NOT NULL,
    asks jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT orderbook_snapshots_asks_levels CHECK (((jsonb_typeof(asks) = 'array'::text) AND (NOT jsonb_path_exists(asks, 'strict $[*]?((((((@.type() != "array" || @.size() != 2) || @[0].type() != "number") || @[1].type() != "number") || @[0] < 0) || @[0] > 1) || @[1] <= 0)'::jsonpath)))),
    CONSTRAINT orderbook_snapshots_bid_not_above_ask CHECK (onchain.bid_not_above_ask(bids, asks)),
    CONSTRAINT orderbook_snapshots_bids_levels CHECK (((jsonb_typeof(bids) = 'array'::text) AND (NOT jsonb_path_exists(bids, 'strict $[*]?((((((@.type() != "array" || @.size() != 2) || @[0].type() != "number") || @[1].type() != "number") || @[0] < 0) || @[0] > 1) || @[1] <= 0)'::jsonpath)))),
    CONSTRAINT orderbook_snapshots_token_id_length CHECK ((length(token_id) <= 128)),
    CONSTRAINT orderbook_snapshots_token_id_not_blank CHECK ((btrim(token_id) <> ''::text)),
    CONSTRAINT orderbook_snapshots_ts_plausible CHECK (((ts >= '2020-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone)))
);


ALTER TABLE onchain.orderbook_snapshots OWNER TO marketdb_owner;
-- COMMENT: TABLE orderbook_snapshots
COMMENT ON TABLE onchain.orderbook_snapshots IS 'Order books of outcome tokens: bids and asks as JSONB arrays of [price, size] (hypertable, 7 day chunks, kept)';
-- CONSTRAINT: orderbook_snapshots orderbook_snapshots_pkey
ALTER TABLE ONLY onchain.orderbook_snapshots
    ADD CONSTRAINT orderbook_snapshots_pkey PRIMARY KEY (token_id, ts);
-- INDEX: orderbook_snapshots_ts_idx
CREATE INDEX orderbook_snapshots_ts_idx ON onchain.orderbook_snapshots USING btree (ts DESC);
-- TRIGGER: orderbook_snapshots ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON onchain.orderbook_snapshots FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE orderbook_snapshots
GRANT SELECT,INSERT,UPDATE ON TABLE onchain.orderbook_snapshots TO marketdb_writer;
GRANT SELECT ON TABLE onchain.orderbook_snapshots TO marketdb_reader;
