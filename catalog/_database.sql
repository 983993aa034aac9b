-- SCHEMA: timescaledb
CREATE SCHEMA timescaledb;


ALTER SCHEMA timescaledb OWNER TO postgres;
-- EXTENSION: timescaledb
CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA timescaledb;
-- COMMENT: EXTENSION timescaledb
COMMENT ON EXTENSION timescaledb IS 'Enables scalable inserts and complex queries for time-series data (Apache 2 Edition)';
-- SCHEMA: crypto
CREATE SCHEMA crypto;


ALTER SCHEMA crypto OWNER TO marketdb_owner;
-- SCHEMA: equities
CREATE SCHEMA equities;


ALTER SCHEMA equities OWNER TO marketdb_owner;
-- SCHEMA: exchange
CREATE SCHEMA exchange;


ALTER SCHEMA exchange OWNER TO marketdb_owner;
-- SCHEMA: macro
CREATE SCHEMA macro;


ALTER SCHEMA macro OWNER TO marketdb_owner;
-- SCHEMA: maintenance
CREATE SCHEMA maintenance;


ALTER SCHEMA maintenance OWNER TO marketdb_owner;
-- SCHEMA: onchain
CREATE SCHEMA onchain;


ALTER SCHEMA onchain OWNER TO marketdb_owner;
-- PUBLICATION: marketdb_exchange
CREATE PUBLICATION marketdb_exchange WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);


ALTER PUBLICATION marketdb_exchange OWNER TO postgres;
-- COMMENT: PUBLICATION marketdb_exchange
COMMENT ON PUBLICATION marketdb_exchange IS 'The exchange domain for logical subscribers, published as the parent tables (see README "When one server is not enough")';
-- PUBLICATION TABLE: marketdb_exchange market_snapshots
ALTER PUBLICATION marketdb_exchange ADD TABLE ONLY exchange.market_snapshots;
-- PUBLICATION TABLE: marketdb_exchange orderbook_deltas
ALTER PUBLICATION marketdb_exchange ADD TABLE ONLY exchange.orderbook_deltas;
-- PUBLICATION TABLE: marketdb_exchange trades
ALTER PUBLICATION marketdb_exchange ADD TABLE ONLY exchange.trades;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR SEQUENCES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA crypto GRANT SELECT,USAGE ON SEQUENCES TO marketdb_writer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA crypto GRANT SELECT,INSERT,UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA crypto GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR SEQUENCES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA equities GRANT SELECT,USAGE ON SEQUENCES TO marketdb_writer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA equities GRANT SELECT,INSERT,UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA equities GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR SEQUENCES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange GRANT SELECT,USAGE ON SEQUENCES TO marketdb_writer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange GRANT SELECT,INSERT,UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA exchange GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR SEQUENCES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA macro GRANT SELECT,USAGE ON SEQUENCES TO marketdb_writer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA macro GRANT SELECT,INSERT,UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA macro GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR FUNCTIONS
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance GRANT ALL ON FUNCTIONS TO marketdb_maintainer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA maintenance GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR SEQUENCES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA onchain GRANT SELECT,USAGE ON SEQUENCES TO marketdb_writer;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR TABLES
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA onchain GRANT SELECT,INSERT,UPDATE ON TABLES TO marketdb_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner IN SCHEMA onchain GRANT SELECT ON TABLES TO marketdb_reader;
-- DEFAULT ACL: DEFAULT PRIVILEGES FOR FUNCTIONS
ALTER DEFAULT PRIVILEGES FOR ROLE marketdb_owner REVOKE ALL ON FUNCTIONS FROM PUBLIC;


--
-- PostgreSQL database dump complete
--
