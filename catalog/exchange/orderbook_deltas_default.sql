-- TABLE: orderbook_deltas_default
CREATE TABLE exchange.orderbook_deltas_default (
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
);


ALTER TABLE exchange.orderbook_deltas_default OWNER TO marketdb_owner;
-- TABLE ATTACH: orderbook_deltas_default
ALTER TABLE ONLY exchange.orderbook_deltas ATTACH PARTITION exchange.orderbook_deltas_default DEFAULT;
-- CONSTRAINT: orderbook_deltas_default orderbook_deltas_default_pkey
ALTER TABLE ONLY exchange.orderbook_deltas_default
    ADD CONSTRAINT orderbook_deltas_default_pkey PRIMARY KEY (ticker, seq, ts);
-- INDEX: orderbook_deltas_default_ticker_ts_idx
CREATE INDEX orderbook_deltas_default_ticker_ts_idx ON exchange.orderbook_deltas_default USING btree (ticker, ts DESC);
-- INDEX ATTACH: orderbook_deltas_default_pkey
ALTER INDEX exchange.orderbook_deltas_pkey ATTACH PARTITION exchange.orderbook_deltas_default_pkey;
-- INDEX ATTACH: orderbook_deltas_default_ticker_ts_idx
ALTER INDEX exchange.orderbook_deltas_ticker_ts_idx ATTACH PARTITION exchange.orderbook_deltas_default_ticker_ts_idx;
-- TRIGGER: orderbook_deltas_default marketdb_horizon
CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF ts ON exchange.orderbook_deltas_default FOR EACH ROW WHEN ((new.ts >= (((((now() AT TIME ZONE 'UTC'::text))::date + 32))::timestamp without time zone AT TIME ZONE 'UTC'::text))) EXECUTE FUNCTION maintenance.refuse_past_horizon('32');
-- ACL: TABLE orderbook_deltas_default
GRANT SELECT,INSERT ON TABLE exchange.orderbook_deltas_default TO marketdb_writer;
GRANT SELECT ON TABLE exchange.orderbook_deltas_default TO marketdb_reader;
-- ACL: COLUMN orderbook_deltas_default.side
GRANT UPDATE(side) ON TABLE exchange.orderbook_deltas_default TO marketdb_writer;
-- ACL: COLUMN orderbook_deltas_default.price
GRANT UPDATE(price) ON TABLE exchange.orderbook_deltas_default TO marketdb_writer;
-- ACL: COLUMN orderbook_deltas_default.delta
GRANT UPDATE(delta) ON TABLE exchange.orderbook_deltas_default TO marketdb_writer;
