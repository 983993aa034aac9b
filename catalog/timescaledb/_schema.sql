-- ACL: SCHEMA timescaledb
GRANT USAGE ON SCHEMA timescaledb TO marketdb_owner;
GRANT USAGE ON SCHEMA timescaledb TO marketdb_reader;
GRANT USAGE ON SCHEMA timescaledb TO marketdb_writer;
GRANT USAGE ON SCHEMA timescaledb TO marketdb_maintainer;
