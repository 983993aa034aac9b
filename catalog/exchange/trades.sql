-- TABLE: trades
CREATE TABLE exchange.trades (
    trade_id text NOT NULL,
    ticker text NOT NULL,
    ts timestamp with time zone NOT NULL,
    yes_price numeric(5,2) NOT NULL,
    no_price numeric(5,2) NOT NULL,
    count integer NOT NULL,
    taker_side text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT trades_count_positive CHECK ((count > 0)),
    CONSTRAINT trades_prices_sum_to_100 CHECK (((yes_price + no_price) = (100)::numeric)),
    CONSTRAINT trades_taker_side_known CHECK ((taker_side = ANY (ARRAY['yes'::text, 'no'::text]))),
    CONSTRAINT trades_ticker_length CHECK ((length(ticker) <= 64)),
    CONSTRAINT trades_ticker_not_blank CHECK ((btrim(ticker) <> ''::text)),
    CONSTRAINT trades_trade_id_length CHECK ((length(trade_id) <= 128)),
    CONSTRAINT trades_trade_id_not_blank CHECK ((btrim(trade_id) <> ''::text)),
    CONSTRAINT trades_ts_plausible CHECK (((ts >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT trades_yes_price_range CHECK (((yes_price >= (1)::numeric) AND (yes_price <= (99)::numeric)))
)
PARTITION BY RANGE (ts);


ALTER TABLE exchange.trades OWNER TO marketdb_owner;
-- COMMENT: TABLE trades
COMMENT ON TABLE exchange.trades IS 'Executed trades; one partition per UTC day (trades_pYYYYMMDD) made by maintenance, plus trades_default';
-- CONSTRAINT: trades trades_pkey
ALTER TABLE ONLY exchange.trades
    ADD CONSTRAINT trades_pkey PRIMARY KEY (trade_id, ts);
-- INDEX: trades_ticker_ts_idx
CREATE INDEX trades_ticker_ts_idx ON ONLY exchange.trades USING btree (ticker, ts DESC);
-- ACL: TABLE trades
GRANT SELECT,INSERT ON TABLE exchange.trades TO marketdb_writer;
GRANT SELECT ON TABLE exchange.trades TO marketdb_reader;
-- ACL: COLUMN trades.yes_price
GRANT UPDATE(yes_price) ON TABLE exchange.trades TO marketdb_writer;
-- ACL: COLUMN trades.no_price
GRANT UPDATE(no_price) ON TABLE exchange.trades TO marketdb_writer;
-- ACL: COLUMN trades.count
GRANT UPDATE(count) ON TABLE exchange.trades TO marketdb_writer;
-- ACL: COLUMN trades.taker_side
GRANT UPDATE(taker_side) ON TABLE exchange.trades TO marketdb_writer;
