-- FUNCTION: bound_session()
CREATE FUNCTION maintenance.bound_session() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c_idle_ms constant integer := 1000;
    v_current integer := (SELECT s.setting::integer FROM pg_settings AS s WHERE s.name = 'idle_in_transaction_session_timeout');
BEGIN
    IF v_current = 0 OR v_current > c_idle_ms THEN
        PERFORM set_config('idle_in_transaction_session_timeout', c_idle_ms::text, true);
    END IF;
END
$$;


ALTER FUNCTION maintenance.bound_session() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION bound_session()
COMMENT ON FUNCTION maintenance.bound_session() IS 'Ends the caller''s session if its transaction then sits idle for more than 1 s (for the rest of the transaction; internal)';
-- ACL: FUNCTION bound_session()
REVOKE ALL ON FUNCTION maintenance.bound_session() FROM PUBLIC;
