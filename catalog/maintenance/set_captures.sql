-- FUNCTION: set_captures(regclass, date, boolean)
CREATE FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean) RETURNS regclass
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    SET lock_timeout TO '1s'
    AS $$
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
$$;


ALTER FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION set_captures(p_parent regclass, p_month date, p_on boolean)
COMMENT ON FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean) IS 'Installs the change capture on a month''s daily partitions, or removes it from the others, as many as it can lock without waiting after the first; returns the first (internal)';
-- ACL: FUNCTION set_captures(p_parent regclass, p_month date, p_on boolean)
REVOKE ALL ON FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean) FROM PUBLIC;
