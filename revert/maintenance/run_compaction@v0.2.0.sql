-- Revert marketdb:maintenance/run_compaction from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- run_compaction as maintenance/run_compaction@v0.1.1 made it.
CREATE OR REPLACE FUNCTION maintenance.run_compaction(p_parent_table text, p_reference_time timestamptz, p_dry_run boolean)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_run_id  bigint;
    v_policy  maintenance.policy;
    v_plan    maintenance.plan_step[];
    v_step    maintenance.plan_step;
    v_actions maintenance.action[] := '{}';
    v_message text;
    v_state   text;
    v_status  text;
    v_day     regclass;
BEGIN
    PERFORM maintenance.require_finite_time('p_reference_time', p_reference_time);
    INSERT INTO maintenance.run_log (reference_time, parent_table, dry_run)
    VALUES (p_reference_time, p_parent_table, p_dry_run)
    RETURNING run_id INTO v_run_id;
    IF p_dry_run THEN
        SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = p_parent_table;
    ELSE
        SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = p_parent_table FOR NO KEY UPDATE SKIP LOCKED;
        IF FOUND THEN
            PERFORM maintenance.bound_session();  -- the claim and the merge's locks last until the caller commits
        END IF;
    END IF;
    IF NOT FOUND THEN
        v_actions := ARRAY[(p_parent_table, 'skip', NULL, 0, 'another maintenance run is working on this table; skipped')::maintenance.action];
    ELSE
        SELECT coalesce(array_agg(s), '{}') INTO v_plan FROM maintenance.compaction_plan(v_policy, p_reference_time) AS s;
        IF p_dry_run THEN
            SELECT coalesce(array_agg((p_parent_table, s.action, s.partition_name, s.rows_affected, s.detail)::maintenance.action), '{}')
              INTO v_actions FROM unnest(v_plan) AS s;
        ELSE
            SELECT * INTO v_step FROM unnest(v_plan) AS s WHERE s.action = 'compact' ORDER BY s.day LIMIT 1;
            BEGIN
                -- A capture on a day of a month not due now (compaction turned off) goes;
                -- else the oldest month due gets its captures, a day per call; else it is
                -- merged.
                v_day := maintenance.set_captures(p_parent_table::regclass, v_step.day, false);
                IF v_day IS NOT NULL THEN
                    v_actions := ARRAY[(p_parent_table, 'capture', NULL, 0,
                                        format('%s is not due for merging: the capture of its changes is removed', v_day))::maintenance.action];
                ELSIF v_step.day IS NOT NULL THEN
                    v_day := maintenance.set_captures(p_parent_table::regclass, v_step.day, true);
                    IF v_day IS NOT NULL THEN
                        v_actions := ARRAY[(p_parent_table, 'capture', v_step.partition_name, 0,
                                            format('%s: %s logs its changes from now on; the month is merged once all its days do',
                                                   to_char(v_step.day, 'YYYY-MM'), v_day))::maintenance.action];
                    END IF;
                END IF;
            EXCEPTION WHEN lock_not_available THEN
                GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT;
                v_actions := ARRAY[(p_parent_table, 'lock_timeout', v_step.partition_name, 0, v_message || '; the next run retries')::maintenance.action];
            END;
            IF cardinality(v_actions) > 0 THEN
                NULL;  -- a capture step (or its timeout) was this call's work
            ELSIF v_step.day IS NULL THEN
                SELECT coalesce(array_agg((p_parent_table, s.action, s.partition_name, s.rows_affected, s.detail)::maintenance.action), '{}')
                  INTO v_actions FROM unnest(v_plan) AS s;
            ELSE
                BEGIN
                    v_actions := ARRAY[maintenance.compact_month(v_policy, v_step.day, v_step.partition_name)];
                EXCEPTION
                    WHEN lock_not_available THEN
                        GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT;
                        v_actions := ARRAY[(p_parent_table, 'lock_timeout', v_step.partition_name, 0, v_message || '; nothing changed, the next run retries')::maintenance.action];
                    WHEN OTHERS THEN
                        GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT, v_state = RETURNED_SQLSTATE;
                        v_actions := ARRAY[(p_parent_table, 'error', v_step.partition_name, 0,
                                            format('%s (SQLSTATE %s); nothing changed for this table', v_message, v_state))::maintenance.action];
                END;
            END IF;
        END IF;
    END IF;
    v_status := maintenance.outcome_of(v_actions);
    UPDATE maintenance.run_log AS l
       SET finished_at = clock_timestamp(),
           status = CASE WHEN v_status IN ('skip', 'lock_timeout') THEN 'partial' ELSE v_status END,
           actions = to_jsonb(v_actions),
           error = (SELECT string_agg(a.parent_table || ': ' || a.detail, '; ') FROM unnest(v_actions) AS a WHERE a.action = 'error')
     WHERE l.run_id = v_run_id;
    RETURN QUERY SELECT * FROM unnest(v_actions);
END
$function$;

COMMENT ON FUNCTION maintenance.run_compaction(text, timestamptz, boolean) IS
    'One logged compaction step for a table: the oldest month due, or every month due as a dry run (internal, owner only)';

COMMIT;
