-- Revert marketdb:maintenance/prepare_rescue from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- prepare_rescue as maintenance/prepare_rescue@v0.1.1 made it.
CREATE OR REPLACE FUNCTION maintenance.prepare_rescue(p_parent_table text)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET lock_timeout = '1s'
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_policy    maintenance.policy;
    v_default   regclass;
    v_waiting   boolean;
    v_result    maintenance.action;
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
        v_waiting := EXISTS (SELECT FROM maintenance.partition_plan(v_policy, now(), v_policy.premake_days) AS s WHERE s.action = 'rescue');
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
$function$;

COMMENT ON FUNCTION maintenance.prepare_rescue(text) IS
    'Starts (or stops) logging changes to a table''s default partition so a run can rescue its rows online; call it in its own transaction before the run';

COMMIT;
