-- Deploy marketdb:maintenance/execute_with_lock_retry to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.execute_with_lock_retry as maintenance/partitions left it, taken unchanged
-- from the deployed catalog (pg_get_functiondef): from here on its current body is this
-- file, changed only by `sqitch rework maintenance/execute_with_lock_retry`. Deploying it
-- changes nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- execute_with_lock_retry: runs one statement that needs a lock, waiting at most the
-- caller's lock_timeout per attempt, with a short pause between attempts, so maintenance
-- never queues behind live traffic for long (and never keeps traffic queued behind it).
-- Returns false when every attempt timed out; locks it got are kept to the transaction end.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer DEFAULT 3)
 RETURNS boolean
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

COMMENT ON FUNCTION maintenance.execute_with_lock_retry(text,integer) IS
    'Executes a statement, retrying when it cannot get its locks within lock_timeout (internal)';

REVOKE ALL ON FUNCTION maintenance.execute_with_lock_retry(text,integer) FROM PUBLIC;

COMMIT;
