-- FUNCTION: drop_spent_logs()
CREATE FUNCTION maintenance.drop_spent_logs() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_log     text;
    v_dropped integer := 0;
BEGIN
    FOR v_log IN
        SELECT format('maintenance.%I', c.relname)
          FROM pg_class AS c
         WHERE c.relnamespace = 'maintenance'::regnamespace AND c.relkind = 'r' AND c.relname ~ '^rescue_log_[0-9]+$'
           AND NOT EXISTS (SELECT FROM pg_trigger AS t
                            WHERE t.tgname = 'marketdb_rescue_capture' AND t.tgrelid = substr(c.relname, 12)::oid)
         ORDER BY c.relname
    LOOP
        BEGIN
            EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE NOWAIT', v_log);
            EXECUTE format('DROP TABLE %s', v_log);
            v_dropped := v_dropped + 1;
        EXCEPTION WHEN lock_not_available OR undefined_table THEN
            NULL;  -- held by a session, or dropped meanwhile by another table's step
        END;
    END LOOP;
    RETURN v_dropped;
END
$_$;


ALTER FUNCTION maintenance.drop_spent_logs() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION drop_spent_logs()
COMMENT ON FUNCTION maintenance.drop_spent_logs() IS 'Drops the capture logs no partition writes any more (left by merges), skipping any a session holds; returns how many (internal)';
-- ACL: FUNCTION drop_spent_logs()
REVOKE ALL ON FUNCTION maintenance.drop_spent_logs() FROM PUBLIC;
