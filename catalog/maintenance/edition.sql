-- FUNCTION: edition()
CREATE FUNCTION maintenance.edition() RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT coalesce(current_setting('timescaledb.license', true), 'apache')
$$;


ALTER FUNCTION maintenance.edition() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION edition()
COMMENT ON FUNCTION maintenance.edition() IS 'The TimescaleDB edition of this server: timescale or apache';
-- ACL: FUNCTION edition()
REVOKE ALL ON FUNCTION maintenance.edition() FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.edition() TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.edition() TO marketdb_reader;
