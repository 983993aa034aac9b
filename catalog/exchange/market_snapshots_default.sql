-- TABLE: market_snapshots_default
CREATE TABLE exchange.market_snapshots_default (
    ticker text NOT NULL,
    ts timestamp with time zone NOT NULL,
    yes_bid numeric(5,2) NOT NULL,
    yes_ask numeric(5,2) NOT NULL,
    last_price numeric(5,2),
    volume bigint DEFAULT 0 NOT NULL,
    open_interest bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT market_snapshots_bid_not_above_ask CHECK ((yes_bid <= yes_ask)),
    CONSTRAINT market_snapshots_last_price_range CHECK (((last_price >= (1)::numeric) AND (last_price <= (99)::numeric))),
    CONSTRAINT market_snapshots_open_interest_not_negative CHECK ((open_interest >= 0)),
    CONSTRAINT market_snapshots_ticker_length CHECK ((length(ticker) <= 64)),
    CONSTRAINT market_snapshots_ticker_not_blank CHECK ((btrim(ticker) <> ''::text)),
    CONSTRAINT market_snapshots_ts_plausible CHECK (((ts >= '2018-01-01 00:00:00+00'::timestamp with time zone) AND (ts < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT market_snapshots_volume_not_negative CHECK ((volume >= 0)),
    CONSTRAINT market_snapshots_yes_ask_range CHECK (((yes_ask >= (0)::numeric) AND (yes_ask <= (100)::numeric))),
    CONSTRAINT market_snapshots_yes_bid_range CHECK (((yes_bid >= (0)::numeric) AND (yes_bid <= (100)::numeric)))
);


ALTER TABLE exchange.market_snapshots_default OWNER TO marketdb_owner;
-- TABLE ATTACH: market_snapshots_default
ALTER TABLE ONLY exchange.market_snapshots ATTACH PARTITION exchange.market_snapshots_default DEFAULT;
-- CONSTRAINT: market_snapshots_default market_snapshots_default_pkey
ALTER TABLE ONLY exchange.market_snapshots_default
    ADD CONSTRAINT market_snapshots_default_pkey PRIMARY KEY (ticker, ts);
-- INDEX ATTACH: market_snapshots_default_pkey
ALTER INDEX exchange.market_snapshots_pkey ATTACH PARTITION exchange.market_snapshots_default_pkey;
-- TRIGGER: market_snapshots_default marketdb_horizon
CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF ts ON exchange.market_snapshots_default FOR EACH ROW WHEN ((new.ts >= (((((now() AT TIME ZONE 'UTC'::text))::date + 32))::timestamp without time zone AT TIME ZONE 'UTC'::text))) EXECUTE FUNCTION maintenance.refuse_past_horizon('32');
-- ACL: TABLE market_snapshots_default
GRANT SELECT,INSERT ON TABLE exchange.market_snapshots_default TO marketdb_writer;
GRANT SELECT ON TABLE exchange.market_snapshots_default TO marketdb_reader;
-- ACL: COLUMN market_snapshots_default.yes_bid
GRANT UPDATE(yes_bid) ON TABLE exchange.market_snapshots_default TO marketdb_writer;
-- ACL: COLUMN market_snapshots_default.yes_ask
GRANT UPDATE(yes_ask) ON TABLE exchange.market_snapshots_default TO marketdb_writer;
-- ACL: COLUMN market_snapshots_default.last_price
GRANT UPDATE(last_price) ON TABLE exchange.market_snapshots_default TO marketdb_writer;
-- ACL: COLUMN market_snapshots_default.volume
GRANT UPDATE(volume) ON TABLE exchange.market_snapshots_default TO marketdb_writer;
-- ACL: COLUMN market_snapshots_default.open_interest
GRANT UPDATE(open_interest) ON TABLE exchange.market_snapshots_default TO marketdb_writer;
