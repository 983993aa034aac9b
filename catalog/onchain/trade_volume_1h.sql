-- VIEW: trade_volume_1h
CREATE VIEW onchain.trade_volume_1h WITH (security_invoker='true') AS
 SELECT token_id,
    timescaledb.time_bucket('01:00:00'::interval, ts) AS bucket,
    count(*) AS trade_count,
    sum(size) AS volume,
    sum((price * size)) AS notional
   FROM onchain.trades
  GROUP BY token_id, (timescaledb.time_bucket('01:00:00'::interval, ts));


ALTER VIEW onchain.trade_volume_1h OWNER TO marketdb_owner;
-- COMMENT: VIEW trade_volume_1h
COMMENT ON VIEW onchain.trade_volume_1h IS 'Hourly trade count, volume and notional per token from onchain.trades. Timescale edition: continuous aggregate, real-time, refreshed hourly over the raw retention (late rows included); buckets older than the raw retention are kept. Apache: a view over the raw rows';
-- ACL: TABLE trade_volume_1h
GRANT SELECT ON TABLE onchain.trade_volume_1h TO marketdb_writer;
GRANT SELECT ON TABLE onchain.trade_volume_1h TO marketdb_reader;
