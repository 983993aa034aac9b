-- FUNCTION: execute_with_lock_retry(text, integer)
CREATE FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer DEFAULT 3) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    FOR attempt IN 1 .. p_attempts LOOP
        BEGIN
            EXECUTE p_statement;
            RETURN true;
        EXCEPTION WHEN lock_not_available THEN
            PERFORM pg_sleep(0.2 * attempt);
        END;
    END LOOP;
    RETURN false;
END
$$;


ALTER FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION execute_with_lock_retry(p_statement text, p_attempts integer)
COMMENT ON FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer) IS 'Executes a statement, retrying when it cannot get its locks within lock_timeout (internal)';
-- ACL: FUNCTION execute_with_lock_retry(p_statement text, p_attempts integer)
REVOKE ALL ON FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer) FROM PUBLIC;
