-- TABLE: orderbook_deltas
CREATE TABLE exchange.orderbook_deltas (
    ticker text NOT NULL,
    ts timestamp with time zone NOT NULL,
    seq bigint NOT NULL,
    side text NOT NULL,
    price numeric(5,2) NOT NULL,
    delta integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT orderbook_deltas_delta_nonzero CHECK ((delta <> 0)),
    CONSTRAINT orderbook_deltas_price_range CHECK (((price >= (1)::numeric) AND (price <= (99)::numeric))),
    CONSTRAINT orderbook_deltas_seq_not_negative CHECK ((seq >= 0)),
    CONSTRAINT orderbook_deltas_side_known CHECK ((side = ANY (ARRAY['yes'::text, 'no'::text]))),
    CONSTRAINT orderbook_deltas_ticker_length CHECK ((length(ticker) <= 64)),
    CONSTRAINT orderbook_deltas_ticker_not_blank CHECK ((btrim(ticker) <> ''::text)),
    CONSTRAINT orderbook_deltas_ts_plausible CHECK (((ts >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone)))
)
PARTITION BY RANGE (ts);


ALTER TABLE exchange.orderbook_deltas OWNER TO marketdb_owner;
-- COMMENT: TABLE orderbook_deltas
COMMENT ON TABLE exchange.orderbook_deltas IS 'Order-book changes; one partition per UTC day (orderbook_deltas_pYYYYMMDD), plus orderbook_deltas_default';
-- CONSTRAINT: orderbook_deltas orderbook_deltas_pkey
ALTER TABLE ONLY exchange.orderbook_deltas
    ADD CONSTRAINT orderbook_deltas_pkey PRIMARY KEY (ticker, seq, ts);
-- INDEX: orderbook_deltas_ticker_ts_idx
CREATE INDEX orderbook_deltas_ticker_ts_idx ON ONLY exchange.orderbook_deltas USING btree (ticker, ts DESC);
-- ACL: TABLE orderbook_deltas
GRANT SELECT,INSERT ON TABLE exchange.orderbook_deltas TO marketdb_writer;
GRANT SELECT ON TABLE exchange.orderbook_deltas TO marketdb_reader;
-- ACL: COLUMN orderbook_deltas.side
GRANT UPDATE(side) ON TABLE exchange.orderbook_deltas TO marketdb_writer;
-- ACL: COLUMN orderbook_deltas.price
GRANT UPDATE(price) ON TABLE exchange.orderbook_deltas TO marketdb_writer;
-- ACL: COLUMN orderbook_deltas.delta
GRANT UPDATE(delta) ON TABLE exchange.orderbook_deltas TO marketdb_writer;
