-- Deploy marketdb:maintenance/run to pg
-- requires: maintenance/checks
-- requires: maintenance/policy_state
-- requires: maintenance/partitions
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

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
CREATE FUNCTION maintenance.run_policies(
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

-- How a list of actions ended: error > skip > lock_timeout > partial (work left for the next
-- run: deferred days, rows outside the window) > ok > noop.
CREATE FUNCTION maintenance.outcome_of(p_actions maintenance.action[])
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT CASE
               WHEN bool_or(a.action = 'error') THEN 'error'
               WHEN bool_or(a.action = 'skip') THEN 'skip'
               WHEN bool_or(a.action = 'lock_timeout') THEN 'lock_timeout'
               WHEN bool_or(a.action IN ('deferred', 'out_of_window')) THEN 'partial'
               WHEN bool_and(a.action = 'noop') OR count(*) = 0 THEN 'noop'
               ELSE 'ok'
           END
      FROM unnest(p_actions) AS a
$function$;

COMMENT ON FUNCTION maintenance.outcome_of(maintenance.action[]) IS
    'error, skip, lock_timeout, partial, ok or noop: how a list of actions ended (internal)';

-- ---------------------------------------------------------------------------------------
-- The entry points for marketdb_maintainer. SECURITY DEFINER: the maintainer runs them
-- without owning or being granted anything on the tables they manage; so they hold the
-- reference time near the server's clock (maintenance.require_reference_time).
-- ---------------------------------------------------------------------------------------

-- Every enabled table, in name order: what maintenance.run_all and `marketdb maintain` walk.
CREATE FUNCTION maintenance.enabled_tables()
RETURNS SETOF text
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT p.parent_table FROM maintenance.policy AS p WHERE p.enabled ORDER BY p.parent_table
$function$;

COMMENT ON FUNCTION maintenance.enabled_tables() IS
    'The tables maintenance runs on, in the order it runs them';

-- One table, in the caller's transaction: call it alone in a transaction (as `marketdb
-- maintain` and maintenance.run_all do), since locks are held until commit.
CREATE FUNCTION maintenance.run_maintenance_for(
    p_parent_table   text,
    p_reference_time timestamptz DEFAULT now(),
    p_dry_run        boolean     DEFAULT false,
    p_premake_days   integer     DEFAULT NULL
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_kind      text := (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical);
BEGIN
    IF v_kind IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF p_premake_days IS NOT NULL THEN
        IF v_kind = 'hypertable' THEN
            RAISE EXCEPTION 'p_premake_days: % is a hypertable, whose chunks are made by inserts; pass NULL', v_canonical
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM maintenance.require_premake('p_premake_days', p_premake_days);
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY[v_canonical], v_canonical, p_reference_time, p_dry_run, p_premake_days);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance_for(text, timestamptz, boolean, integer) IS
    'Applies one table''s policy (enabled or not) at the server''s time, or dry-runs it at another; one row per action';

-- ---------------------------------------------------------------------------------------
-- prepare_rescue: the first half of an online rescue, in a transaction of its own before
-- the run (`marketdb maintain` and maintenance.run_all call it). When rows wait in the table's
-- default partition for a day a run would rescue, a trigger starts logging every change to
-- it, so the run can copy them out while writers go on; when none wait, a capture left over
-- is removed. Installing or removing it takes SHARE ROW EXCLUSIVE on the default partition,
-- which waits for the writers of late rows in flight (lock_timeout 1 s, three attempts) and
-- holds the next ones for the milliseconds it takes; writers of other days never wait.
-- Returns an action when it changed something or could not.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.prepare_rescue(p_parent_table text)
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
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
            RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
                USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
        END IF;
        v_result := (v_canonical, 'skip', NULL, 0, 'another maintenance run is working on this table; skipped');
        RETURN NEXT v_result;
        RETURN;
    END IF;
    v_default := (SELECT p.partition FROM maintenance.partitions_of(v_canonical::regclass) AS p WHERE p.is_default);
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
    PERFORM maintenance.set_capture(v_default, v_waiting);
    v_result := (v_canonical, 'capture', NULL, 0,
                 CASE WHEN v_waiting THEN format('rows wait in the default partition %s: its changes are logged from now on, so a run can rescue them while writers go on', v_default)
                      ELSE format('no rows wait in the default partition %s for a rescue: the capture of its changes is removed', v_default) END);
    RETURN NEXT v_result;
END
$function$;

COMMENT ON FUNCTION maintenance.prepare_rescue(text) IS
    'Starts (or stops) logging changes to a table''s default partition so a run can rescue its rows online; call it in its own transaction before the run';

-- Every table in one transaction: only as a dry run. A real run would hold each table's
-- ACCESS EXCLUSIVE lock until the last table is done, and a writer that inserts into two
-- tables in one transaction would deadlock with it (and be the one cancelled).
CREATE FUNCTION maintenance.run_maintenance(
    p_reference_time timestamptz DEFAULT now(),
    p_dry_run        boolean     DEFAULT false
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF NOT p_dry_run THEN
        RAISE EXCEPTION 'p_dry_run: run_maintenance() maintains every table in one transaction, which can deadlock writers; only a dry run is allowed'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'CALL maintenance.run_all() commits table by table; `marketdb maintain` does the same';
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY(SELECT maintenance.enabled_tables()), NULL, p_reference_time, true, NULL);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance(timestamptz, boolean) IS
    'Dry run of every enabled policy at a reference time; one row per action (real runs: CALL maintenance.run_all())';

-- ---------------------------------------------------------------------------------------
-- run_all: every enabled table at the server's time, each in its own transaction (after its
-- prepare_rescue, in another), so a table's locks are released as soon as it is done and no
-- writer can deadlock with the run.
-- For pg_cron: CALL maintenance.run_all(). SECURITY INVOKER and without SET clauses, as a
-- procedure that commits must be; the work is done by run_maintenance_for as the owner.
-- Ends with an error (after committing every table) when a table failed, was skipped or
-- timed out, so the scheduler records the run as failed.
-- ---------------------------------------------------------------------------------------
CREATE PROCEDURE maintenance.run_all()
LANGUAGE plpgsql
AS $procedure$
DECLARE
    v_table    text;
    v_action   maintenance.action;
    v_problems text[] := '{}';
    v_skipped  boolean;
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
    END LOOP;
    IF cardinality(v_problems) > 0 THEN
        RAISE EXCEPTION 'maintenance finished, but % table(s) were not maintained: %', cardinality(v_problems), array_to_string(v_problems, '; ')
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'the committed tables are done; see maintenance.run_log, the next run retries the others';
    END IF;
END
$procedure$;

COMMENT ON PROCEDURE maintenance.run_all() IS
    'Maintains every enabled table at the server''s time, committing after each; raises at the end if a table was not maintained';

REVOKE EXECUTE ON FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.outcome_of(maintenance.action[]) FROM marketdb_maintainer;
GRANT EXECUTE ON PROCEDURE maintenance.run_all() TO marketdb_maintainer;

COMMIT;
