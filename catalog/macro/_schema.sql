-- COMMENT: SCHEMA macro
COMMENT ON SCHEMA macro IS 'Macro series with point-in-time release times, curves, flows, signals';
-- ACL: SCHEMA macro
GRANT USAGE ON SCHEMA macro TO marketdb_reader;
GRANT USAGE ON SCHEMA macro TO marketdb_writer;
