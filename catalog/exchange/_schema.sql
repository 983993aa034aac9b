-- COMMENT: SCHEMA exchange
COMMENT ON SCHEMA exchange IS 'Event-contract exchange: series, events, markets, trades, order book, settlements';
-- ACL: SCHEMA exchange
GRANT USAGE ON SCHEMA exchange TO marketdb_reader;
GRANT USAGE ON SCHEMA exchange TO marketdb_writer;
