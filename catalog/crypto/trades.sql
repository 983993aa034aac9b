-- TABLE: trades
CREATE TABLE crypto.trades (
    symbol text NOT NULL,
    trade_ts timestamp with time zone NOT NULL,
    trade_id text NOT NULL,
    price numeric NOT NULL,
    quantity numeric NOT NULL,
    is_buyer_maker boolean NOT NULL,
    side text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT trades_price_finite CHECK (((price > '-Infinity'::numeric) AND (price < 'Infinity'::numeric))),
    CONSTRAINT trades_price_positive CHECK ((price > (0)::numeric)),
    CONSTRAINT trades_quantity_finite CHECK (((quantity > '-Infinity'::numeric) AND (quantity < 'Infinity'::numeric))),
    CONSTRAINT trades_quantity_positive CHECK ((quantity > (0)::numeric)),
    CONSTRAINT trades_side_known CHECK ((side = ANY (ARRAY['buy'::text, 'sell'::text]))),
    CONSTRAINT trades_symbol_length CHECK ((length(symbol) <= 64)),
    CONSTRAINT trades_symbol_not_blank CHECK ((btrim(symbol) <> ''::text)),
    CONSTRAINT trades_trade_id_length CHECK ((length(trade_id) <= 128)),
    CONSTRAINT trades_trade_id_not_blank CHECK ((btrim(trade_id) <> ''::text)),
    CONSTRAINT trades_trade_ts_plausible CHECK (((trade_ts >= '2009-01-01 00:00:00+00'::timestamp with time zone) AND (trade_ts < '2100-01-01 00:00:00+00'::timestamp with time zone)))
);


ALTER TABLE crypto.trades OWNER TO marketdb_owner;
-- COMMENT: TABLE trades
COMMENT ON TABLE crypto.trades IS 'Exchange trades per symbol (hypertable, 3 day chunks, 30 days)';
-- CONSTRAINT: trades trades_pkey
ALTER TABLE ONLY crypto.trades
    ADD CONSTRAINT trades_pkey PRIMARY KEY (symbol, trade_ts, trade_id);
-- INDEX: trades_trade_ts_idx
CREATE INDEX trades_trade_ts_idx ON crypto.trades USING btree (trade_ts DESC);
-- TRIGGER: trades ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON crypto.trades FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE trades
GRANT SELECT,INSERT,UPDATE ON TABLE crypto.trades TO marketdb_writer;
GRANT SELECT ON TABLE crypto.trades TO marketdb_reader;
