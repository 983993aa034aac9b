-- FUNCTION: prepare_rescue(text)
CREATE FUNCTION maintenance.prepare_rescue(p_parent_table text) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET lock_timeout TO '1s'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_policy    maintenance.policy;
    v_default   regclass;
    v_waiting   boolean;
    v_result    maintenance.action;
    v_plan      maintenance.plan_step[];
    v_step      maintenance.plan_step;
    v_name      text;
    v_made      maintenance.action[] := '{}'::maintenance.action[];
BEGIN
    SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_canonical FOR NO KEY UPDATE SKIP LOCKED;
    IF FOUND THEN
        PERFORM maintenance.bound_session();  -- the claim lasts until the caller commits
    ELSE
        IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
            RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
                USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
        END IF;
        v_result := (v_canonical, 'skip', NULL, 0, 'another maintenance run is working on this table; skipped');
        RETURN NEXT v_result;
        RETURN;
    END IF;
    v_default := (SELECT nullif(t.partdefid, 0)::regclass FROM pg_partitioned_table AS t WHERE t.partrelid = v_canonical::regclass);
    IF v_policy.kind <> 'partitioned' OR v_default IS NULL THEN
        RETURN;
    END IF;
    -- The plan at the server's time says whether a run would rescue anything; an empty
    -- default partition (the normal case) needs no plan.
    EXECUTE format('SELECT EXISTS (SELECT FROM %s)', v_default) INTO v_waiting;
    IF v_waiting THEN
        SELECT array_agg(s) INTO v_plan FROM maintenance.partition_plan(v_policy, now(), v_policy.premake_days) AS s;
        v_waiting := EXISTS (SELECT FROM unnest(v_plan) AS s WHERE s.action = 'rescue');
    END IF;
    -- The run that follows takes the parent's lock for the rescue. The new days its plan
    -- also has are made now, beside the parent and attached, which takes no lock writers wait
    -- for, so that lock covers the swap alone (one trade at 2018-01-01 also makes the week
    -- before the clock: 6 days under the lock made writers of today wait 86 to 131 ms). A day
    -- this cannot make (a late row for it, a busy lock) is left to the run.
    IF v_waiting THEN
        FOREACH v_step IN ARRAY v_plan LOOP
            CONTINUE WHEN v_step.action <> 'create';
            v_name := maintenance.free_partition_name(split_part(v_canonical, '.', 1), v_step.partition_name);
            BEGIN
                PERFORM maintenance.attach_new_day(v_canonical::regclass, v_name, v_step.day);
                v_made := v_made || (v_canonical, 'create', v_name, 0::bigint, format('for %s, before the rescue', v_step.day))::maintenance.action;
            EXCEPTION
                WHEN check_violation THEN
                    NULL;  -- a late row for the day: the run rescues it
                WHEN lock_not_available THEN
                    EXIT;  -- every further day would wait for the same lock
            END;
        END LOOP;
        IF cardinality(v_made) > 0 THEN
            INSERT INTO maintenance.run_log (started_at, finished_at, reference_time, parent_table, dry_run, status, actions)
            SELECT t, t, now(), v_canonical, false, 'ok', to_jsonb(v_made) FROM clock_timestamp() AS t;
            RETURN QUERY SELECT * FROM unnest(v_made);
        END IF;
    END IF;
    IF v_waiting = (maintenance.capture_log(v_default) IS NOT NULL) THEN
        RETURN;
    END IF;
    IF NOT maintenance.execute_with_lock_retry(format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', v_default), 3) THEN
        v_result := (v_canonical, 'lock_timeout', NULL, 0,
                     format('could not lock the default partition %s within lock_timeout %s in 3 attempts to %s the capture of its changes; the next run retries',
                            v_default, current_setting('lock_timeout'), CASE WHEN v_waiting THEN 'install' ELSE 'remove' END));
        RETURN NEXT v_result;
        RETURN;
    END IF;
    BEGIN
        PERFORM maintenance.set_capture(v_default, v_waiting);
    EXCEPTION WHEN lock_not_available THEN
        -- The capture's log is held (a reader reading it): blocked, like any lock wait.
        v_result := (v_canonical, 'lock_timeout', NULL, 0,
                     format('could not %s the capture of %s''s changes within lock_timeout %s (%s); the next run retries',
                            CASE WHEN v_waiting THEN 'install' ELSE 'remove' END, v_default, current_setting('lock_timeout'), SQLERRM));
        RETURN NEXT v_result;
        RETURN;
    END;
    v_result := (v_canonical, 'capture', NULL, 0,
                 CASE WHEN v_waiting THEN format('rows wait in the default partition %s: its changes are logged from now on, so a run can rescue them while writers go on', v_default)
                      ELSE format('no rows wait in the default partition %s for a rescue: the capture of its changes is removed', v_default) END);
    RETURN NEXT v_result;
END
$$;


ALTER FUNCTION maintenance.prepare_rescue(p_parent_table text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION prepare_rescue(p_parent_table text)
COMMENT ON FUNCTION maintenance.prepare_rescue(p_parent_table text) IS 'Starts (or stops) logging changes to a table''s default partition so a run can rescue its rows online; call it in its own transaction before the run';
-- ACL: FUNCTION prepare_rescue(p_parent_table text)
REVOKE ALL ON FUNCTION maintenance.prepare_rescue(p_parent_table text) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.prepare_rescue(p_parent_table text) TO marketdb_maintainer;
