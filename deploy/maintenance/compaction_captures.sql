-- Deploy marketdb:maintenance/compaction_captures to pg
-- requires: maintenance/compaction

-- ---------------------------------------------------------------------------------------
-- A month's captures in one call. maintenance/compaction installed the change capture on
-- one daily partition per call and transaction, so a month cost about 31 calls, each
-- planning over every partition of the table (10 years of daily history: ~3,500 calls,
-- 15 minutes). Now one call changes every day of the month it can without ever waiting
-- while it holds one: the first partition is locked as before (lock_timeout 1 s, three
-- attempts, holding nothing a writer could want), each further one with NOWAIT, and the
-- call stops at the first that is busy (a writer of that day in flight) and commits what
-- it did; the next call goes on from there. A writer inserting into several days in one
-- transaction may wait for the call's locks (milliseconds per day: the capture is a
-- trigger and a log table) but can never deadlock with it: the call never waits while
-- holding a lock.
-- ---------------------------------------------------------------------------------------

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean)
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
SET lock_timeout = '1s'
AS $function$
DECLARE
    v_days  regclass[];
    v_first regclass;
    v_day   regclass;
BEGIN
    SELECT array_agg(p.partition ORDER BY p.lower_bound) INTO v_days
      FROM maintenance.partitions_of(p_parent) AS p
     WHERE NOT p.is_default
       AND (p.partition IN (SELECT t.tgrelid FROM pg_trigger AS t WHERE t.tgname = 'marketdb_rescue_capture')) <> p_on
       AND CASE WHEN p_on THEN p.lower_bound >= p_month AND p.upper_bound <= p_month + interval '1 month'
                ELSE p_month IS NULL OR NOT (p.lower_bound >= p_month AND p.upper_bound <= p_month + interval '1 month') END;
    IF v_days IS NULL THEN
        RETURN NULL;
    END IF;
    v_first := v_days[1];
    IF NOT maintenance.execute_with_lock_retry(format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', v_first), 3) THEN
        RAISE EXCEPTION 'could not lock the daily partition % within lock_timeout % in 3 attempts to % the capture of its changes',
                        v_first, current_setting('lock_timeout'), CASE WHEN p_on THEN 'install' ELSE 'remove' END
            USING ERRCODE = 'lock_not_available';
    END IF;
    PERFORM maintenance.set_capture(v_first, p_on);
    FOREACH v_day IN ARRAY v_days[2:] LOOP
        BEGIN
            EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE NOWAIT', v_day);
        EXCEPTION WHEN lock_not_available THEN
            EXIT;  -- a writer of this day is in flight: the next call starts here
        END;
        PERFORM maintenance.set_capture(v_day, p_on);
    END LOOP;
    RETURN v_first;
END
$function$;

COMMENT ON FUNCTION maintenance.set_captures(regclass, date, boolean) IS
    'Installs the change capture on a month''s daily partitions, or removes it from the others, as many as it can lock without waiting after the first; returns the first (internal)';

COMMIT;
