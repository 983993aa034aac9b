-- FUNCTION: set_capture(regclass, boolean)
CREATE FUNCTION maintenance.set_capture(p_default regclass, p_on boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_log text := format('maintenance.%I', 'rescue_log_' || p_default::oid);
BEGIN
    IF EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture') THEN
        EXECUTE format('DROP TRIGGER marketdb_rescue_capture ON %s', p_default);
    END IF;
    IF to_regclass(v_log) IS NOT NULL THEN
        EXECUTE format('DROP TABLE %s', v_log);
    END IF;
    IF p_on THEN
        -- The default partition's columns, in its own order (the trigger logs its row type).
        EXECUTE format('CREATE TABLE %s (marketdb_op "char" NOT NULL, LIKE %s,'
                       ' marketdb_seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
                       ' marketdb_xid xid8 NOT NULL DEFAULT pg_current_xact_id())', v_log, p_default);
        -- The trigger writes it as the owner, whoever installed it (a superuser in tests).
        EXECUTE format('ALTER TABLE %s OWNER TO marketdb_owner', v_log);
        -- Maintenance's own: a reader holding it would hold up the swap that drops it.
        EXECUTE format('REVOKE ALL ON %s FROM marketdb_reader', v_log);
        EXECUTE format('CREATE INDEX ON %s (marketdb_xid)', v_log);
        EXECUTE format('CREATE TRIGGER marketdb_rescue_capture AFTER INSERT OR UPDATE OR DELETE ON %s'
                       ' FOR EACH ROW EXECUTE FUNCTION maintenance.capture_change()', p_default);
        -- Fires for a logical subscription's apply worker too (session_replication_role =
        -- replica skips ordinary triggers): its rows must not slip past a rescue or a merge.
        EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER marketdb_rescue_capture', p_default);
    END IF;
END
$$;


ALTER FUNCTION maintenance.set_capture(p_default regclass, p_on boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION set_capture(p_default regclass, p_on boolean)
COMMENT ON FUNCTION maintenance.set_capture(p_default regclass, p_on boolean) IS 'Installs (true) or removes (false) the change capture of a default partition (internal)';
-- ACL: FUNCTION set_capture(p_default regclass, p_on boolean)
REVOKE ALL ON FUNCTION maintenance.set_capture(p_default regclass, p_on boolean) FROM PUBLIC;
