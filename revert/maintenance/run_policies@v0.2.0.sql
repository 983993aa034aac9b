-- Revert marketdb:maintenance/run_policies from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- run_policies as maintenance/run made it.
-- ---------------------------------------------------------------------------------------
-- run_policies: one logged run over some policies, in the caller's transaction.
--
-- Each table is claimed with a row lock on its maintenance.policy row (SKIP LOCKED: a
-- concurrent run skips the table, visibly). Taking that lock needs UPDATE on the registry,
-- which only marketdb_owner has, so no other role can make a run skip a table (an advisory
-- lock could be taken by any login). A table whose maintenance fails is rolled back alone
-- and reported as an error action; the others still run. The policy row records how the
-- table's last run ended; the run log row records every action.
--
-- Internal and owner-only: it takes any finite reference time, so tests can run at fixed
-- times. The maintainer's entry points below hold the reference time near the clock.
-- SECURITY DEFINER: whoever calls it (a superuser in tests), what it creates belongs to
-- marketdb_owner, which must be able to detach and drop it later.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.run_policies(
    p_parent_tables  text[],
    p_scope          text,
    p_reference_time timestamptz,
    p_dry_run        boolean,
    p_premake_days   integer
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_run_id  bigint;
    v_table   text;
    v_policy  maintenance.policy;
    v_batch   maintenance.action[];
    v_all     maintenance.action[] := '{}';
    v_action  maintenance.action;
    v_message text;
    v_state   text;
    v_status  text;
    v_outcome text;
BEGIN
    PERFORM maintenance.require_finite_time('p_reference_time', p_reference_time);
    INSERT INTO maintenance.run_log (reference_time, parent_table, dry_run)
    VALUES (p_reference_time, p_scope, p_dry_run)
    RETURNING run_id INTO v_run_id;

    FOREACH v_table IN ARRAY p_parent_tables LOOP
        IF p_dry_run THEN
            SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_table;
        ELSE
            SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_table FOR NO KEY UPDATE SKIP LOCKED;
        END IF;
        BEGIN
            IF NOT FOUND THEN
                v_batch := ARRAY[(v_table, 'skip', NULL, 0, 'another maintenance run is working on this table; skipped')::maintenance.action];
            ELSIF v_policy.kind = 'partitioned' THEN
                SELECT coalesce(array_agg(a), '{}') INTO v_batch
                  FROM maintenance.maintain_partitioned(v_policy, p_reference_time, p_dry_run, p_premake_days) AS a;
            ELSE
                SELECT coalesce(array_agg(a), '{}') INTO v_batch
                  FROM maintenance.maintain_hypertable(v_policy, p_reference_time, p_dry_run, p_premake_days) AS a;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT, v_state = RETURNED_SQLSTATE;
            v_batch := ARRAY[(v_table, 'error', NULL, 0, format('%s (SQLSTATE %s); nothing changed for this table', v_message, v_state))::maintenance.action];
        END;
        IF NOT p_dry_run AND v_policy.parent_table IS NOT NULL THEN
            v_outcome := maintenance.outcome_of(v_batch);
            UPDATE maintenance.policy AS p
               SET last_run_at = clock_timestamp(),
                   last_outcome = v_outcome,
                   last_success_at = CASE WHEN v_outcome IN ('ok', 'noop') THEN clock_timestamp() ELSE p.last_success_at END
             WHERE p.parent_table = v_table;
        END IF;
        FOREACH v_action IN ARRAY v_batch LOOP
            v_all := v_all || v_action;
            RETURN NEXT v_action;
        END LOOP;
    END LOOP;

    v_status := maintenance.outcome_of(v_all);
    UPDATE maintenance.run_log AS l
       SET finished_at = clock_timestamp(),
           status = CASE WHEN v_status IN ('skip', 'lock_timeout') THEN 'partial' ELSE v_status END,
           actions = to_jsonb(v_all),
           error = (SELECT string_agg(a.parent_table || ': ' || a.detail, '; ') FROM unnest(v_all) AS a WHERE a.action = 'error')
     WHERE l.run_id = v_run_id;
END
$function$;

COMMENT ON FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer) IS
    'One logged maintenance run over the given policies, at any finite reference time (internal, owner only)';

COMMIT;
