-- TABLE: trades
CREATE TABLE onchain.trades (
    trade_id text,
    token_id text NOT NULL,
    ts timestamp with time zone NOT NULL,
    price numeric(8,6) NOT NULL,
    size numeric(20,6) NOT NULL,
    side text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT trades_price_range CHECK (((price >= (0)::numeric) AND (price <= (1)::numeric))),
    CONSTRAINT trades_side_known CHECK ((side = ANY (ARRAY['buy'::text, 'sell'::text]))),
    CONSTRAINT trades_size_finite CHECK (((size > '-Infinity'::numeric) AND (size < 'Infinity'::numeric))),
    CONSTRAINT trades_size_positive CHECK ((size > (0)::numeric)),
    CONSTRAINT trades_token_id_length CHECK ((length(token_id) <= 128)),
    CONSTRAINT trades_token_id_not_blank CHECK ((btrim(token_id) <> ''::text)),
    CONSTRAINT trades_trade_id_length CHECK ((length(trade_id) <= 128)),
    CONSTRAINT trades_trade_id_not_blank CHECK ((btrim(trade_id) <> ''::text)),
    CONSTRAINT trades_ts_plausible CHECK (((ts >= '2020-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone)))
);


ALTER TABLE onchain.trades OWNER TO marketdb_owner;
-- COMMENT: TABLE trades
COMMENT ON TABLE onchain.trades IS 'Fills of outcome tokens (hypertable, 1 day chunks, 90 days)';
-- INDEX: idx_trades_trade_id
CREATE UNIQUE INDEX idx_trades_trade_id ON onchain.trades USING btree (trade_id, ts) WHERE (trade_id IS NOT NULL);
-- INDEX: trades_token_id_ts_idx
CREATE INDEX trades_token_id_ts_idx ON onchain.trades USING btree (token_id, ts DESC);
-- INDEX: trades_ts_idx
CREATE INDEX trades_ts_idx ON onchain.trades USING btree (ts DESC);
-- TRIGGER: trades ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON onchain.trades FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE trades
GRANT SELECT,INSERT,UPDATE ON TABLE onchain.trades TO marketdb_writer;
GRANT SELECT ON TABLE onchain.trades TO marketdb_reader;
