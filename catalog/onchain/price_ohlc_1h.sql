-- VIEW: price_ohlc_1h
CREATE VIEW onchain.price_ohlc_1h WITH (security_invoker='true') AS
 SELECT token_id,
    timescaledb.time_bucket('01:00:00'::interval, ts) AS bucket,
    timescaledb.first(price, ts) AS open,
    max(price) AS high,
    min(price) AS low,
    timescaledb.last(price, ts) AS close,
    count(*) AS samples
   FROM onchain.price_snapshots
  GROUP BY token_id, (timescaledb.time_bucket('01:00:00'::interval, ts));


ALTER VIEW onchain.price_ohlc_1h OWNER TO marketdb_owner;
-- COMMENT: VIEW price_ohlc_1h
COMMENT ON VIEW onchain.price_ohlc_1h IS 'Hourly OHLC per token from onchain.price_snapshots (read price_candles_1h for OHLCV). Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';
-- ACL: TABLE price_ohlc_1h
GRANT SELECT ON TABLE onchain.price_ohlc_1h TO marketdb_writer;
GRANT SELECT ON TABLE onchain.price_ohlc_1h TO marketdb_reader;
