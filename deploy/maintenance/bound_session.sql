-- Deploy marketdb:maintenance/bound_session to pg
-- requires: maintenance/run

-- ---------------------------------------------------------------------------------------
-- A maintenance call holds, until its caller commits, the table's claim (its policy row
-- lock) and whatever locks its DDL took: the parent's ACCESS EXCLUSIVE after a create or a
-- rescue. A caller that left its transaction open (a script that forgot to commit, a psql
-- session left in BEGIN) made every later run skip the table, or every writer wait, for as
-- long as its session lived: idle_in_transaction_session_timeout is 0 by default.
--
-- Every call that takes such locks now ends by bounding the rest of its caller's
-- transaction: idle in it for more than 1 s, the session is ended and the transaction rolled
-- back, releasing everything (the work of the call with it; the next run does it again).
-- 1 s: a client that commits right after the call (`marketdb maintain`, run_all, pg_cron,
-- psql in autocommit) is never near it, even across a network; a writer queued behind an
-- abandoned lock waits 1 s at most instead of for ever. A session's own smaller timeout
-- is kept. A caller that deliberately resets the setting, or keeps its transaction busy,
-- is not bounded by this: revoke its login from marketdb_maintainer.
-- ---------------------------------------------------------------------------------------

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE FUNCTION maintenance.bound_session()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    c_idle_ms constant integer := 1000;
    v_current integer := (SELECT s.setting::integer FROM pg_settings AS s WHERE s.name = 'idle_in_transaction_session_timeout');
BEGIN
    IF v_current = 0 OR v_current > c_idle_ms THEN
        PERFORM set_config('idle_in_transaction_session_timeout', c_idle_ms::text, true);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.bound_session()
    IS 'Ends the caller''s session if its transaction then sits idle for more than 1 s (for the rest of the transaction; internal)';

REVOKE EXECUTE ON FUNCTION maintenance.bound_session() FROM marketdb_maintainer;

COMMIT;
