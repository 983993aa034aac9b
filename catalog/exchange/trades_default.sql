-- TABLE: trades_default
CREATE TABLE exchange.trades_default (
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
);


ALTER TABLE exchange.trades_default OWNER TO marketdb_owner;
-- TABLE ATTACH: trades_default
ALTER TABLE ONLY exchange.trades ATTACH PARTITION exchange.trades_default DEFAULT;
-- CONSTRAINT: trades_default trades_default_pkey
ALTER TABLE ONLY exchange.trades_default
    ADD CONSTRAINT trades_default_pkey PRIMARY KEY (trade_id, ts);
-- INDEX: trades_default_ticker_ts_idx
CREATE INDEX trades_default_ticker_ts_idx ON exchange.trades_default USING btree (ticker, ts DESC);
-- INDEX ATTACH: trades_default_pkey
ALTER INDEX exchange.trades_pkey ATTACH PARTITION exchange.trades_default_pkey;
-- INDEX ATTACH: trades_default_ticker_ts_idx
ALTER INDEX exchange.trades_ticker_ts_idx ATTACH PARTITION exchange.trades_default_ticker_ts_idx;
-- TRIGGER: trades_default marketdb_horizon
CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF ts ON exchange.trades_default FOR EACH ROW WHEN ((new.ts >= (((((now() AT TIME ZONE 'UTC'::text))::date + 32))::timestamp without time zone AT TIME ZONE 'UTC'::text))) EXECUTE FUNCTION maintenance.refuse_past_horizon('32');
-- ACL: TABLE trades_default
GRANT SELECT,INSERT ON TABLE exchange.trades_default TO marketdb_writer;
GRANT SELECT ON TABLE exchange.trades_default TO marketdb_reader;
-- ACL: COLUMN trades_default.yes_price
GRANT UPDATE(yes_price) ON TABLE exchange.trades_default TO marketdb_writer;
-- ACL: COLUMN trades_default.no_price
GRANT UPDATE(no_price) ON TABLE exchange.trades_default TO marketdb_writer;
-- ACL: COLUMN trades_default.count
GRANT UPDATE(count) ON TABLE exchange.trades_default TO marketdb_writer;
-- ACL: COLUMN trades_default.taker_side
GRANT UPDATE(taker_side) ON TABLE exchange.trades_default TO marketdb_writer;
