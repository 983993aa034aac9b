-- TABLE: market_snapshots
CREATE TABLE exchange.market_snapshots (
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
)
PARTITION BY RANGE (ts);


ALTER TABLE exchange.market_snapshots OWNER TO marketdb_owner;
-- COMMENT: TABLE market_snapshots
COMMENT ON TABLE exchange.market_snapshots IS 'Market snapshots; one partition per UTC day (market_snapshots_pYYYYMMDD), plus market_snapshots_default';
-- CONSTRAINT: market_snapshots market_snapshots_pkey
ALTER TABLE ONLY exchange.market_snapshots
    ADD CONSTRAINT market_snapshots_pkey PRIMARY KEY (ticker, ts);
-- ACL: TABLE market_snapshots
GRANT SELECT,INSERT ON TABLE exchange.market_snapshots TO marketdb_writer;
GRANT SELECT ON TABLE exchange.market_snapshots TO marketdb_reader;
-- ACL: COLUMN market_snapshots.yes_bid
GRANT UPDATE(yes_bid) ON TABLE exchange.market_snapshots TO marketdb_writer;
-- ACL: COLUMN market_snapshots.yes_ask
GRANT UPDATE(yes_ask) ON TABLE exchange.market_snapshots TO marketdb_writer;
-- ACL: COLUMN market_snapshots.last_price
GRANT UPDATE(last_price) ON TABLE exchange.market_snapshots TO marketdb_writer;
-- ACL: COLUMN market_snapshots.volume
GRANT UPDATE(volume) ON TABLE exchange.market_snapshots TO marketdb_writer;
-- ACL: COLUMN market_snapshots.open_interest
GRANT UPDATE(open_interest) ON TABLE exchange.market_snapshots TO marketdb_writer;
