-- Revert marketdb:maintenance/compaction_captures from pg

-- maintenance/compaction's set_captures: one daily partition per call.
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
    v_day regclass;
BEGIN
    SELECT p.partition INTO v_day
      FROM maintenance.partitions_of(p_parent) AS p
     WHERE NOT p.is_default
       AND (p.partition IN (SELECT t.tgrelid FROM pg_trigger AS t WHERE t.tgname = 'marketdb_rescue_capture')) <> p_on
       AND CASE WHEN p_on THEN p.lower_bound >= p_month AND p.upper_bound <= p_month + interval '1 month'
                ELSE p_month IS NULL OR NOT (p.lower_bound >= p_month AND p.upper_bound <= p_month + interval '1 month') END
     ORDER BY p.lower_bound
     LIMIT 1;
    IF v_day IS NULL THEN
        RETURN NULL;
    END IF;
    IF NOT maintenance.execute_with_lock_retry(format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', v_day), 3) THEN
        RAISE EXCEPTION 'could not lock the daily partition % within lock_timeout % in 3 attempts to % the capture of its changes',
                        v_day, current_setting('lock_timeout'), CASE WHEN p_on THEN 'install' ELSE 'remove' END
            USING ERRCODE = 'lock_not_available';
    END IF;
    PERFORM maintenance.set_capture(v_day, p_on);
    RETURN v_day;
END
$function$;

COMMENT ON FUNCTION maintenance.set_captures(regclass, date, boolean) IS
    'Installs the change capture on one of a month''s daily partitions, or removes it from one of the others (internal)';

COMMIT;
