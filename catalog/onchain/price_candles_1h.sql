-- VIEW: price_candles_1h
CREATE VIEW onchain.price_candles_1h WITH (security_invoker='true') AS
 SELECT c.token_id,
    c.bucket,
    c.open,
    c.high,
    c.low,
    c.close,
    COALESCE(v.volume, (0)::numeric) AS volume,
    c.samples
   FROM (onchain.price_ohlc_1h c
     LEFT JOIN onchain.trade_volume_1h v ON (((v.token_id = c.token_id) AND (v.bucket = c.bucket))));


ALTER VIEW onchain.price_candles_1h OWNER TO marketdb_owner;
-- COMMENT: VIEW price_candles_1h
COMMENT ON VIEW onchain.price_candles_1h IS 'Hourly OHLCV per token, the seed''s candles: OHLC of the price snapshots (price_ohlc_1h), volume the tokens traded in the hour (trade_volume_1h, 0 without trades)';
-- ACL: TABLE price_candles_1h
GRANT SELECT ON TABLE onchain.price_candles_1h TO marketdb_writer;
GRANT SELECT ON TABLE onchain.price_candles_1h TO marketdb_reader;
