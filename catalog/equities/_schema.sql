-- COMMENT: SCHEMA equities
COMMENT ON SCHEMA equities IS 'End-of-day equities, corporate actions and incremental sync state';
-- ACL: SCHEMA equities
GRANT USAGE ON SCHEMA equities TO marketdb_reader;
GRANT USAGE ON SCHEMA equities TO marketdb_writer;
