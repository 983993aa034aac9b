-- TABLE: market_data
CREATE TABLE equities.market_data (
    "time" timestamp with time zone NOT NULL,
    symbol text NOT NULL,
    open numeric(12,4) NOT NULL,
    high numeric(12,4) NOT NULL,
    low numeric(12,4) NOT NULL,
    close numeric(12,4) NOT NULL,
    adjusted_close numeric(12,4) NOT NULL,
    volume bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT market_data_adjusted_close_finite CHECK (((adjusted_close > '-Infinity'::numeric) AND (adjusted_close < 'Infinity'::numeric))),
    CONSTRAINT market_data_close_finite CHECK (((close > '-Infinity'::numeric) AND (close < 'Infinity'::numeric))),
    CONSTRAINT market_data_high_finite CHECK (((high > '-Infinity'::numeric) AND (high < 'Infinity'::numeric))),
    CONSTRAINT market_data_high_not_below_open_close CHECK ((high >= GREATEST(open, close))),
    CONSTRAINT market_data_low_finite CHECK (((low > '-Infinity'::numeric) AND (low < 'Infinity'::numeric))),
    CONSTRAINT market_data_low_not_above_open_close CHECK ((low <= LEAST(open, close))),
    CONSTRAINT market_data_open_finite CHECK (((open > '-Infinity'::numeric) AND (open < 'Infinity'::numeric))),
    CONSTRAINT market_data_prices_positive CHECK (((open > (0)::numeric) AND (high > (0)::numeric) AND (low > (0)::numeric) AND (close > (0)::numeric) AND (adjusted_close > (0)::numeric))),
    CONSTRAINT market_data_time_is_a_date CHECK (("time" = date_trunc('day'::text, "time", 'UTC'::text))),
    CONSTRAINT market_data_time_plausible CHECK ((("time" >= '1900-01-01 00:00:00+00'::timestamp with time zone) AND ("time" < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT market_data_volume_not_negative CHECK ((volume >= 0))
);


ALTER TABLE equities.market_data OWNER TO marketdb_owner;
-- COMMENT: TABLE market_data
COMMENT ON TABLE equities.market_data IS 'End-of-day bars (hypertable, 1 month chunks, kept)';
-- CONSTRAINT: market_data market_data_pkey
ALTER TABLE ONLY equities.market_data
    ADD CONSTRAINT market_data_pkey PRIMARY KEY ("time", symbol);
-- INDEX: market_data_symbol_time_idx
CREATE INDEX market_data_symbol_time_idx ON equities.market_data USING btree (symbol, "time" DESC);
-- TRIGGER: market_data ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON equities.market_data FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- FK CONSTRAINT: market_data market_data_symbol_fkey
ALTER TABLE ONLY equities.market_data
    ADD CONSTRAINT market_data_symbol_fkey FOREIGN KEY (symbol) REFERENCES equities.assets(symbol);
-- ACL: TABLE market_data
GRANT SELECT,INSERT,UPDATE ON TABLE equities.market_data TO marketdb_writer;
GRANT SELECT ON TABLE equities.market_data TO marketdb_reader;
