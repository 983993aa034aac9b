-- Deploy marketdb:maintenance/merge_spent_logs to pg
-- requires: maintenance/compact_month
-- requires: maintenance/run_compaction

-- A month's merge held the parent's lock while it dropped its days' capture logs as well
-- as the days: about 30 ms more of a writer's wait for 30 logs. The days go under the lock
-- (their triggers with them); their logs, which nothing writes to from then on, go at the
-- table's next compaction step.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The capture logs whose partition is gone or no longer captured: a merge drops its days
-- under the parent's lock and leaves their logs (unused from then on) to the next step. A
-- log some session holds is left for a later call, never waited for.
CREATE FUNCTION maintenance.drop_spent_logs()
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_log     text;
    v_dropped integer := 0;
BEGIN
    FOR v_log IN
        SELECT format('maintenance.%I', c.relname)
          FROM pg_class AS c
         WHERE c.relnamespace = 'maintenance'::regnamespace AND c.relkind = 'r' AND c.relname ~ '^rescue_log_[0-9]+$'
           AND NOT EXISTS (SELECT FROM pg_trigger AS t
                            WHERE t.tgname = 'marketdb_rescue_capture' AND t.tgrelid = substr(c.relname, 12)::oid)
         ORDER BY c.relname
    LOOP
        BEGIN
            EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE NOWAIT', v_log);
            EXECUTE format('DROP TABLE %s', v_log);
            v_dropped := v_dropped + 1;
        EXCEPTION WHEN lock_not_available OR undefined_table THEN
            NULL;  -- held by a session, or dropped meanwhile by another table's step
        END;
    END LOOP;
    RETURN v_dropped;
END
$function$;

COMMENT ON FUNCTION maintenance.drop_spent_logs() IS
    'Drops the capture logs no partition writes any more (left by merges), skipping any a session holds; returns how many (internal)';

REVOKE EXECUTE ON FUNCTION maintenance.drop_spent_logs() FROM marketdb_maintainer;

CREATE OR REPLACE FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text)
RETURNS maintenance.action
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
SET lock_timeout = '1s'
AS $function$
DECLARE
    v_parent   regclass := p_policy.parent_table::regclass;
    v_schema   text := split_part(p_policy.parent_table, '.', 1);
    v_key      name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_from     timestamptz := p_month::timestamp AT TIME ZONE 'UTC';
    v_to       timestamptz := (p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    v_days     regclass[];
    v_logs     regclass[];
    v_pending  integer[];
    v_i        integer;
    v_day      date[];
    v_month    regclass;
    v_cols     text := maintenance.insertable_columns(v_parent);
    v_rows     bigint;
    v_since    pg_snapshot;
    v_until    pg_snapshot;
    v_changes  bigint := 0;
    v_r        record;
    v_index    record;
    v_locked   timestamptz;
    v_message  text;
BEGIN
    SELECT array_agg(p.partition ORDER BY p.lower_bound), array_agg(p.lower_bound::date ORDER BY p.lower_bound) INTO v_days, v_day
      FROM maintenance.partitions_of(v_parent) AS p
      JOIN pg_class AS c ON c.oid = p.partition
     WHERE NOT p.is_default AND c.relnamespace = v_schema::regnamespace
       AND p.lower_bound >= v_from AND p.upper_bound <= v_to;
    v_logs := ARRAY(SELECT maintenance.capture_log(d) FROM unnest(v_days) AS d);
    IF v_days IS NULL OR array_position(v_logs, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'merge of % into %: a daily partition has no change capture', to_char(p_month, 'YYYY-MM'), p_name;
    END IF;

    -- One block: when the ATTACH finds rows of the month in the default partition (a writer
    -- sent them, during the merge, for a day of the month that has no partition), all of
    -- it is undone and the month waits for the rescue of those rows: deferred, not an error.
    BEGIN
        -- The month, beside its days; its CHECK implies the partition range.
        EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)', v_schema, p_name, v_parent);
        v_month := format('%I.%I', v_schema, p_name)::regclass;
        PERFORM maintenance.copy_privileges(v_parent, v_month, false);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_compact_range CHECK (%I IS NOT NULL AND %I >= %L AND %I < %L)',
                       v_month, v_key, v_key, v_from, v_key, v_to);
        -- Every day in one statement: one snapshot, after which the logs hold every change.
        EXECUTE format('WITH copied AS (INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE %s RETURNING 1)'
                       ' SELECT count(*), pg_current_snapshot() FROM copied',
                       v_month, v_cols,
                       (SELECT string_agg(format('SELECT %s FROM ONLY %s', v_cols, d), ' UNION ALL ') FROM unnest(v_days) AS d))
           INTO v_rows, v_since;
        -- The parent's keys and indexes, after the rows (one sorted build each), unnamed:
        -- PostgreSQL names them as it names a partition's (<month>_pkey, <month>_<columns>_idx),
        -- unique by construction however long the table's name (cutting names at 63 bytes made
        -- two indexes collide).
        FOR v_index IN
            SELECT x.indexrelid, c.relname, con.oid AS constraint_oid, con.contype
              FROM pg_index AS x
              JOIN pg_class AS c ON c.oid = x.indexrelid
              LEFT JOIN pg_constraint AS con ON con.conindid = x.indexrelid AND con.conrelid = v_parent
             WHERE x.indrelid = v_parent
             ORDER BY x.indexrelid
        LOOP
            IF v_index.contype IN ('p', 'u') THEN
                EXECUTE format('ALTER TABLE %s ADD %s', v_month, pg_get_constraintdef(v_index.constraint_oid));
            ELSE
                EXECUTE regexp_replace(pg_get_indexdef(v_index.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ',
                                       format('CREATE \1INDEX ON %s ', v_month));
            END IF;
        END LOOP;
        -- Changes made meanwhile, while writers go on: a few rounds, so little is left for
        -- the replay under the lock.
        FOR round IN 1 .. 3 LOOP
            v_until := pg_current_snapshot();
            FOR i IN 1 .. cardinality(v_days) LOOP
                SELECT * INTO v_r FROM maintenance.apply_captured(maintenance.capture_log(v_days[i]), v_month, v_key, v_day[i], NULL, v_since, v_until);
                v_changes := v_changes + v_r.rows_added + v_r.rows_removed;
                v_rows := v_rows + v_r.rows_added - v_r.rows_removed;
            END LOOP;
            v_since := v_until;
        END LOOP;

        -- The swap. The days' own lock as well: a writer may insert into a partition directly.
        -- Writers queue behind a waiting ACCESS EXCLUSIVE request, so each attempt waits 50 ms
        -- at most (a reader's long query would otherwise hold them all up), up to 20 attempts.
        PERFORM set_config('lock_timeout', '50ms', true);
        FOR attempt IN 1 .. 20 LOOP
            BEGIN
                EXECUTE format('LOCK TABLE %s, %s IN ACCESS EXCLUSIVE MODE', v_parent, (SELECT string_agg(d::text, ', ') FROM unnest(v_days) AS d));
                v_locked := clock_timestamp();
                EXIT;
            EXCEPTION WHEN lock_not_available THEN
                PERFORM pg_sleep(0.05 + random() * 0.1);
            END;
        END LOOP;
        IF v_locked IS NULL THEN
            RAISE EXCEPTION 'could not lock % within lock_timeout 50ms in 20 attempts to attach the month %', v_parent, to_char(p_month, 'YYYY-MM')
                USING ERRCODE = 'lock_not_available';
        END IF;
        -- Under the lock only what cannot wait, each in as few statements as it can: every
        -- statement on a partition rebuilds the parent's cached description (its CHECKs,
        -- indexes, partitions), about a millisecond each. Which logs hold changes the copy has
        -- not seen: one query (usually none); the days in one DROP (their triggers go with
        -- them: DROP, not DETACH, which costs 28 times as much with thousands of partitions).
        -- Their logs, unused from then on, are left to the next step (drop_spent_logs): a
        -- month's 30 logs took about 30 ms more under the lock.
        EXECUTE format('SELECT array_agg(i) FROM (%s) AS p(i)',
                       (SELECT string_agg(format('SELECT %s WHERE EXISTS (SELECT FROM %s AS l WHERE l.marketdb_xid >= pg_snapshot_xmin($1)'
                                                 ' AND NOT pg_visible_in_snapshot(l.marketdb_xid, $1))', i, l), ' UNION ALL ')
                          FROM unnest(v_logs) WITH ORDINALITY AS u(l, i)))
           INTO v_pending USING v_since;
        FOREACH v_i IN ARRAY coalesce(v_pending, '{}') LOOP
            SELECT * INTO v_r FROM maintenance.apply_captured(v_logs[v_i], v_month, v_key, v_day[v_i], NULL, v_since, NULL);
            v_changes := v_changes + v_r.rows_added + v_r.rows_removed;
            v_rows := v_rows + v_r.rows_added - v_r.rows_removed;
        END LOOP;
        EXECUTE format('DROP TABLE %s', (SELECT string_agg(d::text, ', ') FROM unnest(v_days) AS d));
        EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', v_parent, v_month, v_from, v_to);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT marketdb_compact_range', v_month);

        RETURN (p_policy.parent_table, 'compact', p_name, v_rows,
                format('%s: merged %s daily partitions (%s rows%s) into %s; the parent was locked %s ms',
                       to_char(p_month, 'YYYY-MM'), cardinality(v_days), v_rows,
                       CASE WHEN v_changes > 0 THEN format(', %s changes made during the copy replayed', v_changes) ELSE '' END, p_name,
                       round(extract(epoch FROM clock_timestamp() - v_locked) * 1000)))::maintenance.action;
    EXCEPTION WHEN check_violation THEN
        GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT;
        RETURN (p_policy.parent_table, 'deferred', p_name, 0,
                format('%s: rows of the month reached the default partition during the merge (%s); nothing changed, a run rescues them first',
                       to_char(p_month, 'YYYY-MM'), v_message))::maintenance.action;
    END;
END
$function$;

COMMENT ON FUNCTION maintenance.compact_month(maintenance.policy, date, text) IS
    'Merges the daily partitions of one UTC month, their changes captured, into one partition, in the caller''s transaction (internal)';

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
            PERFORM maintenance.drop_spent_logs();  -- the logs of the days an earlier step merged
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
