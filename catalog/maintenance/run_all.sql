-- PROCEDURE: run_all()
CREATE PROCEDURE maintenance.run_all()
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_table    text;
    v_action   maintenance.action;
    v_problems text[] := '{}'::text[];
    v_skipped  boolean;
    v_merged   boolean;
BEGIN
    FOR v_table IN SELECT t FROM maintenance.enabled_tables() AS t LOOP
        v_skipped := false;
        FOR v_action IN SELECT * FROM maintenance.prepare_rescue(v_table) LOOP
            IF v_action.action IN ('error', 'skip', 'lock_timeout') THEN
                v_problems := v_problems || format('%s: %s: %s', v_action.parent_table, v_action.action, v_action.detail);
            END IF;
            v_skipped := v_skipped OR v_action.action = 'skip';
        END LOOP;
        COMMIT;
        CONTINUE WHEN v_skipped;  -- another run holds the table
        FOR v_action IN SELECT * FROM maintenance.run_maintenance_for(v_table) LOOP
            IF v_action.action IN ('error', 'skip', 'lock_timeout') THEN
                v_problems := v_problems || format('%s: %s: %s', v_action.parent_table, v_action.action, v_action.detail);
            END IF;
        END LOOP;
        COMMIT;
        FOR i IN 1 .. 800 LOOP  -- per month: a capture per day, then the merge
            v_merged := false;
            FOR v_action IN SELECT * FROM maintenance.compact_for(v_table) LOOP
                IF v_action.action IN ('error', 'skip', 'lock_timeout') THEN
                    v_problems := v_problems || format('%s: %s: %s', v_action.parent_table, v_action.action, v_action.detail);
                END IF;
                v_merged := v_merged OR v_action.action IN ('capture', 'compact');
            END LOOP;
            COMMIT;
            EXIT WHEN NOT v_merged;
        END LOOP;
        PERFORM maintenance.analyze_for(v_table);
        COMMIT;
    END LOOP;
    IF cardinality(v_problems) > 0 THEN
        RAISE EXCEPTION 'maintenance finished, but % table(s) were not maintained: %', cardinality(v_problems), array_to_string(v_problems, '; ')
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'the committed tables are done; see maintenance.run_log, the next run retries the others';
    END IF;
END
$$;


ALTER PROCEDURE maintenance.run_all() OWNER TO marketdb_owner;
-- COMMENT: PROCEDURE run_all()
COMMENT ON PROCEDURE maintenance.run_all() IS 'Maintains every enabled table at the server''s time, committing after each step (run, each month merged, analyze); raises at the end if a table was not maintained';
-- ACL: PROCEDURE run_all()
REVOKE ALL ON PROCEDURE maintenance.run_all() FROM PUBLIC;
GRANT ALL ON PROCEDURE maintenance.run_all() TO marketdb_maintainer;
