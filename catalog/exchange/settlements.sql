-- TABLE: settlements
CREATE TABLE exchange.settlements (
    ticker text NOT NULL,
    event_ticker text NOT NULL,
    series_ticker text NOT NULL,
    result text NOT NULL,
    settlement_value numeric(7,4) NOT NULL,
    settled_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT settlements_event_ticker_length CHECK ((length(event_ticker) <= 64)),
    CONSTRAINT settlements_event_ticker_not_blank CHECK ((btrim(event_ticker) <> ''::text)),
    CONSTRAINT settlements_result_known CHECK ((result = ANY (ARRAY['yes'::text, 'no'::text, 'void'::text]))),
    CONSTRAINT settlements_series_ticker_length CHECK ((length(series_ticker) <= 64)),
    CONSTRAINT settlements_series_ticker_not_blank CHECK ((btrim(series_ticker) <> ''::text)),
    CONSTRAINT settlements_settled_at_plausible CHECK (((settled_at >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (settled_at < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT settlements_ticker_length CHECK ((length(ticker) <= 64)),
    CONSTRAINT settlements_ticker_not_blank CHECK ((btrim(ticker) <> ''::text)),
    CONSTRAINT settlements_value_range CHECK (((settlement_value >= (0)::numeric) AND (settlement_value <= (100)::numeric)))
);


ALTER TABLE exchange.settlements OWNER TO marketdb_owner;
-- COMMENT: TABLE settlements
COMMENT ON TABLE exchange.settlements IS 'Market results, denormalised with event and series tickers';
-- CONSTRAINT: settlements settlements_pkey
ALTER TABLE ONLY exchange.settlements
    ADD CONSTRAINT settlements_pkey PRIMARY KEY (ticker);
-- INDEX: settlements_event_ticker_idx
CREATE INDEX settlements_event_ticker_idx ON exchange.settlements USING btree (event_ticker);
-- INDEX: settlements_series_settled_idx
CREATE INDEX settlements_series_settled_idx ON exchange.settlements USING btree (series_ticker, settled_at DESC);
-- ACL: TABLE settlements
GRANT SELECT,INSERT,UPDATE ON TABLE exchange.settlements TO marketdb_writer;
GRANT SELECT ON TABLE exchange.settlements TO marketdb_reader;
