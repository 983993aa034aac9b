-- Deploy marketdb:maintenance/maintain_partitioned to pg
-- requires: maintenance/maintain_partitioned@v0.1.1
-- requires: maintenance/attach_new_day

-- plpgsql_check finds nothing in maintenance.maintain_partitioned: the empty arrays are
-- typed, not cast from text.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- maintain_partitioned: applies one policy. Called by maintenance.run_policies, which holds
-- the policy's row lock and logs the run.
--
-- The plan is made first, without any lock writers wait for. Rows for days past retention
-- leave the default partition by plain DML, and days to rescue are copied out of it with
-- their logged changes (see "Online rescue"): writers do not wait for either. Only then does
-- the run take ACCESS EXCLUSIVE on the parent (lock_timeout 1 s, three attempts) for what
-- must be done under it: the last logged changes, swapping the default partition, create,
-- detach, drop. A run that only makes new days takes no such lock (attach_new_day).
-- Nothing under it grows with the rows rescued; the rows that stay in the default
-- partition (outside the window, or left for a later run) are read once, by PostgreSQL's
-- check when a partition is attached or created beside a default.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.maintain_partitioned(
    p_policy         maintenance.policy,
    p_reference_time timestamptz,
    p_dry_run        boolean,
    p_premake_days   integer
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
SET lock_timeout = '1s'
AS $function$
DECLARE
    c_attempts     constant integer := 3;
    c_archive_rows constant bigint := 1000000;  -- rows discarded or archived per day per run
    c_catch_up     constant integer := 10;      -- replay rounds before the lock at most
    c_small_replay constant bigint := 1000;     -- changes left for under the lock
    v_parent   regclass := p_policy.parent_table::regclass;
    v_schema   text := split_part(p_policy.parent_table, '.', 1);
    v_key      name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_premake  integer := coalesce(p_premake_days, p_policy.premake_days);
    v_default  regclass;
    v_log      regclass;
    v_plan     maintenance.plan_step[];
    v_step     maintenance.plan_step;
    v_archived record;
    v_staged   record;
    v_replayed record;
    v_name     text;
    v_moved    bigint;
    v_snap     pg_snapshot;
    v_round_n  bigint;
    v_result   maintenance.action;
    -- rescue stages: one per day, the last (day NULL) for every other row of the default
    v_rescued  date[] := '{}'::date[];
    v_st_day   date[] := '{}'::date[];
    v_st_name  text[] := '{}'::text[];
    v_st_table regclass[] := '{}'::regclass[];
    v_st_rows  bigint[] := '{}'::bigint[];
    v_st_snap  pg_snapshot[] := '{}'::pg_snapshot[];
    v_st_replay bigint[] := '{}'::bigint[];
    v_ix_parent oid[];
    v_ix_name  text[];
    v_index    record;
BEGIN
    -- Partitions whose privileges differ from the parent's get the parent's (the parent was
    -- re-granted, a partition attached by hand): a partition is never a way past its rules.
    IF NOT p_dry_run THEN
        PERFORM maintenance.align_privileges(v_parent);
    END IF;
    SELECT array_agg(plan) INTO v_plan FROM maintenance.partition_plan(p_policy, p_reference_time, v_premake) AS plan;
    IF v_plan IS NULL THEN
        v_result := (p_policy.parent_table, 'noop', NULL, 0,
                     format('nothing to do: partitions cover through %s, default partition empty, nothing past retention',
                            (p_reference_time AT TIME ZONE 'UTC')::date + v_premake));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    IF p_dry_run THEN
        FOREACH v_step IN ARRAY v_plan LOOP
            v_result := (p_policy.parent_table, v_step.action, v_step.partition_name, v_step.rows_affected,
                         CASE WHEN v_step.action IN ('out_of_window', 'deferred') THEN v_step.detail
                              ELSE format('dry run: would %s %s', v_step.action, v_step.detail) END);
            RETURN NEXT v_result;
        END LOOP;
        RETURN;
    END IF;

    -- Steps that need no lock on the parent, and the reports.
    FOREACH v_step IN ARRAY v_plan LOOP
        CONTINUE WHEN v_step.action NOT IN ('discard', 'archive', 'out_of_window', 'deferred');
        IF v_step.action IN ('discard', 'archive') THEN
            SELECT * INTO v_archived FROM maintenance.archive_rows(p_policy, v_step.day, v_step.partition_name, c_archive_rows);
            v_result := (p_policy.parent_table, v_step.action, CASE WHEN v_step.action = 'archive' THEN v_step.partition_name END, v_archived.rows_moved,
                         format('%s rows for %s (wholly older than %s) %s%s%s', v_archived.rows_moved, v_step.day, p_reference_time - p_policy.retention,
                                CASE v_step.action WHEN 'discard' THEN 'deleted from the default partition'
                                     ELSE format('moved from the default partition to archive %I.%I', v_schema, v_step.partition_name) END,
                                CASE WHEN v_archived.rows_duplicate > 0 THEN format(' (%s already archived, not copied twice)', v_archived.rows_duplicate) ELSE '' END,
                                CASE WHEN v_archived.rows_moved < v_step.rows_affected
                                     THEN format('; %s more for the next run', v_step.rows_affected - v_archived.rows_moved) ELSE '' END));
        ELSE
            v_result := (p_policy.parent_table, v_step.action, NULL, v_step.rows_affected, v_step.detail);
        END IF;
        RETURN NEXT v_result;
    END LOOP;

    -- Rescues: stage every day, then everything else, then replay what changed meanwhile.
    v_default := (SELECT nullif(t.partdefid, 0)::regclass FROM pg_partitioned_table AS t WHERE t.partrelid = v_parent);
    v_rescued := ARRAY(SELECT s.day FROM unnest(v_plan) AS s WHERE s.action = 'rescue' ORDER BY s.day);
    IF cardinality(v_rescued) > 0 THEN
        v_log := maintenance.capture_log(v_default);
        IF v_log IS NULL THEN
            v_result := (p_policy.parent_table, 'deferred', NULL,
                         (SELECT sum(s.rows_affected) FROM unnest(v_plan) AS s WHERE s.action = 'rescue'),
                         format('rows for %s day(s) wait in the default partition, whose changes are not captured yet: '
                                'maintenance.prepare_rescue(%L) first (marketdb maintain and maintenance.run_all() do)',
                                cardinality(v_rescued), p_policy.parent_table));
            RETURN NEXT v_result;
            v_rescued := '{}'::date[];
        END IF;
    END IF;
    -- A run with no rescue, drop or detach needs no lock writers wait for: each new day is
    -- made beside the parent and attached (attach_new_day). A run that does take the
    -- parent's lock makes its days under it: holding the default partition's lock (an
    -- attach's) while waiting for the parent's would deadlock with a writer of a late row,
    -- who holds the parent's and waits for the default's.
    IF cardinality(v_rescued) = 0 AND NOT EXISTS (SELECT FROM unnest(v_plan) AS s WHERE s.action IN ('drop', 'detach')) THEN
        FOREACH v_step IN ARRAY v_plan LOOP
            CONTINUE WHEN v_step.action <> 'create';
            v_name := maintenance.free_partition_name(v_schema, v_step.partition_name);
            BEGIN
                PERFORM maintenance.attach_new_day(v_parent, v_name, v_step.day);
                v_result := (p_policy.parent_table, 'create', v_name, 0, format('for %s', v_step.day));
            EXCEPTION
                WHEN check_violation THEN
                    v_result := (p_policy.parent_table, 'deferred', v_name, 0,
                                 format('for %s: rows for the day reached the default partition while the run made it; the next run rescues them', v_step.day));
                WHEN lock_not_available THEN
                    -- A reader of the default partition (or a writer of a late row) holds it:
                    -- every further day would wait for it too. One wait, then the next run.
                    v_result := (p_policy.parent_table, 'lock_timeout', v_name, 0,
                                 format('create %s: could not lock the new table and the default partition (an attach reads it) within lock_timeout %s; '
                                        'this and any later day of the run are left to the next run', v_name, current_setting('lock_timeout')));
                    RETURN NEXT v_result;
                    EXIT;
            END;
            RETURN NEXT v_result;
        END LOOP;
        PERFORM maintenance.guard_default(v_parent);
        RETURN;
    END IF;
    IF cardinality(v_rescued) > 0 THEN
        FOREACH v_step IN ARRAY v_plan LOOP
            CONTINUE WHEN v_step.action <> 'rescue';
            v_name := maintenance.free_partition_name(v_schema, v_step.partition_name);
            SELECT * INTO v_staged FROM maintenance.stage_rows(v_parent, v_default, v_name, v_step.day, v_rescued);
            PERFORM maintenance.copy_privileges(v_parent, v_staged.stage, false);
            v_st_day := v_st_day || v_step.day;
            v_st_name := v_st_name || v_name;
            v_st_table := v_st_table || v_staged.stage;
            v_st_rows := v_st_rows || v_staged.rows_copied;
            v_st_snap := v_st_snap || v_staged.snap;
            v_st_replay := v_st_replay || 0::bigint;
        END LOOP;
        SELECT * INTO v_staged FROM maintenance.stage_rows(v_parent, v_default, format('rescue_rest_%s', v_parent::oid), NULL, v_rescued);
        PERFORM maintenance.copy_privileges(v_parent, v_staged.stage, false);
        v_st_day := v_st_day || NULL::date;
        v_st_name := v_st_name || (SELECT c.relname::text FROM pg_class AS c WHERE c.oid = v_default);
        v_st_table := v_st_table || v_staged.stage;
        v_st_rows := v_st_rows || v_staged.rows_copied;
        v_st_snap := v_st_snap || v_staged.snap;
        v_st_replay := v_st_replay || 0::bigint;

        FOR round IN 1 .. c_catch_up LOOP
            v_snap := pg_current_snapshot();
            v_round_n := 0;
            FOR i IN 1 .. cardinality(v_st_table) LOOP
                SELECT * INTO v_replayed FROM maintenance.apply_captured(v_log, v_st_table[i], v_key, v_st_day[i], v_rescued, v_st_snap[i], v_snap);
                v_st_rows[i] := v_st_rows[i] + v_replayed.rows_added - v_replayed.rows_removed;
                v_st_snap[i] := v_snap;
                v_st_replay[i] := v_st_replay[i] + v_replayed.rows_added + v_replayed.rows_removed;
                v_round_n := v_round_n + v_replayed.rows_added + v_replayed.rows_removed;
            END LOOP;
            EXIT WHEN v_round_n < c_small_replay;
        END LOOP;
    END IF;

    IF NOT maintenance.execute_with_lock_retry(format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', v_parent), c_attempts) THEN
        FOR i IN 1 .. cardinality(v_st_table) LOOP
            EXECUTE format('DROP TABLE %s', v_st_table[i]);
        END LOOP;
        v_result := (p_policy.parent_table, 'lock_timeout', NULL, 0,
                     format('could not lock %s within lock_timeout %s in %s attempts; no partition changed, the next run retries',
                            p_policy.parent_table, current_setting('lock_timeout'), c_attempts));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    IF cardinality(v_rescued) > 0 THEN
        -- Writers are all done: what is logged and not yet replayed is all that changed.
        FOR i IN 1 .. cardinality(v_st_table) LOOP
            SELECT * INTO v_replayed FROM maintenance.apply_captured(v_log, v_st_table[i], v_key, v_st_day[i], v_rescued, v_st_snap[i], NULL);
            v_st_rows[i] := v_st_rows[i] + v_replayed.rows_added - v_replayed.rows_removed;
            v_st_replay[i] := v_st_replay[i] + v_replayed.rows_added + v_replayed.rows_removed;
        END LOOP;
        -- The default partition's index names, by the parent's index each is attached to
        -- (detaching breaks those links): its copy takes them over.
        SELECT array_agg(i.inhparent), array_agg(c.relname::text) INTO v_ix_parent, v_ix_name
          FROM pg_index AS x
          JOIN pg_inherits AS i ON i.inhrelid = x.indexrelid
          JOIN pg_class AS c ON c.oid = x.indexrelid
         WHERE x.indrelid = v_default;
        EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', v_parent, v_default);
        FOR i IN 1 .. cardinality(v_st_table) - 1 LOOP
            EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', v_parent, v_st_table[i],
                           v_st_day[i]::timestamp AT TIME ZONE 'UTC', (v_st_day[i] + 1)::timestamp AT TIME ZONE 'UTC');
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT marketdb_rescue_range', v_st_table[i]);
            v_result := (p_policy.parent_table, 'rescue', v_st_name[i], v_st_rows[i],
                         format('for %s; moved %s rows out of the default partition%s', v_st_day[i], v_st_rows[i],
                                CASE WHEN v_st_replay[i] > 0 THEN format(' (%s changes made during the copy replayed)', v_st_replay[i]) ELSE '' END));
            RETURN NEXT v_result;
        END LOOP;
        -- The old default partition goes with its capture; the copy of its other rows
        -- takes its name and place.
        EXECUTE format('DROP TABLE %s', v_default);
        EXECUTE format('DROP TABLE %s', v_log);
        v_default := v_st_table[cardinality(v_st_table)];
        EXECUTE format('ALTER TABLE %s RENAME TO %I', v_default, v_st_name[cardinality(v_st_name)]);
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s DEFAULT', v_parent, v_default);
        FOR v_index IN
            SELECT x.indexrelid::regclass AS ix, o.name
              FROM pg_index AS x
              JOIN pg_inherits AS i ON i.inhrelid = x.indexrelid
              JOIN unnest(v_ix_parent, v_ix_name) AS o(parent, name) ON o.parent = i.inhparent
             WHERE x.indrelid = v_default
        LOOP
            EXECUTE format('ALTER INDEX %s RENAME TO %I', v_index.ix, v_index.name);
        END LOOP;
    END IF;

    -- The default partition (a new one after a rescue) refuses rows past the horizon.
    PERFORM maintenance.guard_default(v_parent);

    FOREACH v_step IN ARRAY v_plan LOOP
        CONTINUE WHEN v_step.action NOT IN ('create', 'drop', 'detach');
        v_name := v_step.partition_name;
        BEGIN
            IF v_step.action = 'create' THEN
                v_name := maintenance.free_partition_name(v_schema, v_step.partition_name);
                BEGIN
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', v_schema, v_name, v_parent,
                                   v_step.day::timestamp AT TIME ZONE 'UTC', (v_step.day + 1)::timestamp AT TIME ZONE 'UTC');
                    PERFORM maintenance.copy_privileges(v_parent, format('%I.%I', v_schema, v_name)::regclass, false);
                    v_result := (p_policy.parent_table, 'create', v_name, 0, format('for %s', v_step.day));
                EXCEPTION WHEN check_violation THEN
                    -- Rows for the day reached the default partition after the plan was made:
                    -- a few, moved under the lock; a later run would find them otherwise.
                    v_moved := maintenance.rescue_day(v_parent, v_name, v_step.day);
                    PERFORM maintenance.copy_privileges(v_parent, format('%I.%I', v_schema, v_name)::regclass, false);
                    v_result := (p_policy.parent_table, 'rescue', v_name, v_moved, format('for %s; moved %s rows out of the default partition', v_step.day, v_moved));
                END;
            ELSIF v_step.action = 'drop' THEN
                EXECUTE format('DROP TABLE %I.%I', v_schema, v_name);
                v_result := (p_policy.parent_table, 'drop', v_name, v_step.rows_affected,
                             format('dropped with %s rows: wholly older than %s', v_step.rows_affected, p_reference_time - p_policy.retention));
            ELSE
                EXECUTE format('ALTER TABLE %s DETACH PARTITION %I.%I', v_parent, v_schema, v_name);
                PERFORM maintenance.make_read_only_archive(format('%I.%I', v_schema, v_name)::regclass);
                v_result := (p_policy.parent_table, 'detach', v_name, v_step.rows_affected,
                             format('detached with %s rows, kept read-only as table %I.%I: wholly older than %s',
                                    v_step.rows_affected, v_schema, v_name, p_reference_time - p_policy.retention));
            END IF;
        EXCEPTION WHEN lock_not_available THEN
            v_result := (p_policy.parent_table, 'lock_timeout', v_name, 0,
                         format('%s %s: lock not available within %s; the next run retries', v_step.action, v_name, current_setting('lock_timeout')));
        END;
        RETURN NEXT v_result;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer) IS
    'Applies one partition policy (internal: called by maintenance.run_policies)';

COMMIT;
