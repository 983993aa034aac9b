-- TABLE: candles_1m
CREATE TABLE crypto.candles_1m (
    symbol text NOT NULL,
    bucket_start timestamp with time zone NOT NULL,
    open numeric NOT NULL,
    high numeric NOT NULL,
    low numeric NOT NULL,
    close numeric NOT NULL,
    volume numeric NOT NULL,
    quote_volume numeric,
    trade_count bigint,
    taker_buy_volume numeric,
    taker_buy_quote_volume numeric,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT candles_1m_bucket_start_on_the_minute CHECK ((bucket_start = date_trunc('minute'::text, bucket_start, 'UTC'::text))),
    CONSTRAINT candles_1m_bucket_start_plausible CHECK (((bucket_start >= '2009-01-01 00:00:00+00'::timestamp with time zone) AND (bucket_start < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT candles_1m_close_finite CHECK (((close > '-Infinity'::numeric) AND (close < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_high_finite CHECK (((high > '-Infinity'::numeric) AND (high < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_high_not_below_open_close CHECK ((high >= GREATEST(open, close))),
    CONSTRAINT candles_1m_low_finite CHECK (((low > '-Infinity'::numeric) AND (low < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_low_not_above_open_close CHECK ((low <= LEAST(open, close))),
    CONSTRAINT candles_1m_open_finite CHECK (((open > '-Infinity'::numeric) AND (open < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_prices_positive CHECK (((open > (0)::numeric) AND (high > (0)::numeric) AND (low > (0)::numeric) AND (close > (0)::numeric))),
    CONSTRAINT candles_1m_quote_volume_finite CHECK (((quote_volume > '-Infinity'::numeric) AND (quote_volume < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_symbol_length CHECK ((length(symbol) <= 64)),
    CONSTRAINT candles_1m_symbol_not_blank CHECK ((btrim(symbol) <> ''::text)),
    CONSTRAINT candles_1m_taker_buy_quote_volume_finite CHECK (((taker_buy_quote_volume > '-Infinity'::numeric) AND (taker_buy_quote_volume < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_taker_buy_volume_finite CHECK (((taker_buy_volume > '-Infinity'::numeric) AND (taker_buy_volume < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_taker_buy_within_volume CHECK ((taker_buy_volume <= volume)),
    CONSTRAINT candles_1m_trade_count_not_negative CHECK ((trade_count >= 0)),
    CONSTRAINT candles_1m_volume_finite CHECK (((volume > '-Infinity'::numeric) AND (volume < 'Infinity'::numeric))),
    CONSTRAINT candles_1m_volumes_not_negative CHECK (((volume >= (0)::numeric) AND (quote_volume >= (0)::numeric) AND (taker_buy_volume >= (0)::numeric) AND (taker_buy_quote_volume >= (0)::numeric)))
);


ALTER TABLE crypto.candles_1m OWNER TO marketdb_owner;
-- COMMENT: TABLE candles_1m
COMMENT ON TABLE crypto.candles_1m IS 'One-minute OHLCV candles per symbol (hypertable, 7 day chunks, 180 days)';
-- CONSTRAINT: candles_1m candles_1m_pkey
ALTER TABLE ONLY crypto.candles_1m
    ADD CONSTRAINT candles_1m_pkey PRIMARY KEY (symbol, bucket_start);
-- INDEX: candles_1m_bucket_start_idx
CREATE INDEX candles_1m_bucket_start_idx ON crypto.candles_1m USING btree (bucket_start DESC);
-- TRIGGER: candles_1m ts_insert_blocker
CREATE TRIGGER ts_insert_blocker BEFORE INSERT ON crypto.candles_1m FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.insert_blocker();
-- ACL: TABLE candles_1m
GRANT SELECT,INSERT,UPDATE ON TABLE crypto.candles_1m TO marketdb_writer;
GRANT SELECT ON TABLE crypto.candles_1m TO marketdb_reader;
