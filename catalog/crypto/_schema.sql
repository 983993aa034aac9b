-- COMMENT: SCHEMA crypto
COMMENT ON SCHEMA crypto IS 'Crypto exchange feeds: candles, trades, open interest, funding';
-- ACL: SCHEMA crypto
GRANT USAGE ON SCHEMA crypto TO marketdb_reader;
GRANT USAGE ON SCHEMA crypto TO marketdb_writer;
