-- COMMENT: SCHEMA onchain
COMMENT ON SCHEMA onchain IS 'On-chain prediction market keyed by token id';
-- ACL: SCHEMA onchain
GRANT USAGE ON SCHEMA onchain TO marketdb_reader;
GRANT USAGE ON SCHEMA onchain TO marketdb_writer;
