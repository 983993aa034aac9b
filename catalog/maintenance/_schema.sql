-- COMMENT: SCHEMA maintenance
COMMENT ON SCHEMA maintenance IS 'Partition and retention policy registry and the functions that apply it';
-- ACL: SCHEMA maintenance
GRANT USAGE ON SCHEMA maintenance TO marketdb_reader;
GRANT USAGE ON SCHEMA maintenance TO marketdb_maintainer;
