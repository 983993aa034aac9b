-- Deploy marketdb:maintenance/compaction to pg
-- requires: maintenance/run
-- requires: maintenance/status
-- requires: exchange/primary_keys

-- ---------------------------------------------------------------------------------------
-- Tiered partitions: daily partitions of a UTC month wholly older than a per-table age
-- (policy.compact_after) are merged into one partition per month, <table>_pYYYYMM. Ten
-- years of daily partitions are 3,650 relations a query without a time filter must lock
-- and plan; in months they are 120 (plus the recent days).
--
-- Online, as a rescue is (maintenance/partitions): writers of the month's days never wait
-- for the copy. After the table's run, maintenance.compact_for is called until nothing is
-- due; each call is one transaction:
--   1. capture: each daily partition of the oldest month due gets the rescue's change
--      capture (a trigger logging every change), one partition per call (see set_captures),
--      under SHARE ROW EXCLUSIVE for the milliseconds it takes (lock_timeout 1 s, three
--      attempts);
--   2. merge: the month is built beside its days (a table like the parent with a CHECK of
--      the month's range), all rows copied in one statement whose snapshot is kept, the
--      parent's keys and indexes built on it, the changes logged since replayed; then under
--      the parent's ACCESS EXCLUSIVE lock (lock_timeout 50 ms, 20 attempts) the last logged
--      changes are replayed, the days dropped with their captures and the month attached
--      (the CHECK implies the range: no validation scan). One transaction: a reader never
--      sees a row twice or misses one (READ COMMITTED; a REPEATABLE READ transaction begun
--      before the swap sees the month empty, as after a TRUNCATE).
-- A crash or a kill anywhere in a merge rolls it back; the captures stay and the next run
-- merges again. A capture on a day whose month is no longer due is removed.
-- A month is merged only when the default partition is empty (a rescue comes first, so
-- ATTACH's check of the default partition reads nothing) and, with retention, when the
-- whole month is newer than the cut-off; retention then removes whole months.
-- ---------------------------------------------------------------------------------------

-- maintenance.policy holds one row per managed table: validating its new rules reads a few rows.
-- squawk-ignore-file constraint-missing-not-valid

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE maintenance.policy
    ADD COLUMN compact_after interval,
    ADD CONSTRAINT policy_compact_after_range CHECK (compact_after BETWEEN interval '1 day' AND interval '10 years'),
    ADD CONSTRAINT policy_compact_partitioned_only CHECK (compact_after IS NULL OR kind = 'partitioned'),
    ADD CONSTRAINT policy_compact_before_retention CHECK (compact_after < retention);

COMMENT ON COLUMN maintenance.policy.compact_after IS
    'Daily partitions of a UTC month wholly older than this are merged into one monthly partition (NULL: never)';

-- The exchange's record of trades has no retention: it compacts after 35 days (the month
-- just ended stays daily for its first days, when late rows and corrections still come).
-- Deltas and snapshots keep 90 and 180 days: at most 180 partitions each, and compaction
-- would hold their retention back by up to a month. They stay daily.
UPDATE maintenance.policy SET compact_after = interval '35 days' WHERE parent_table = 'exchange.trades';

-- ---------------------------------------------------------------------------------------
-- compaction_plan: the months a run would merge at a reference time, oldest first, from
-- the catalog (and one probe of the default partition). 'compact' per month; 'deferred'
-- when rows wait in the default partition (the run's rescue comes first).
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.compaction_plan(p_policy maintenance.policy, p_reference_time timestamptz)
RETURNS SETOF maintenance.plan_step
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_parent  regclass := p_policy.parent_table::regclass;
    v_schema  text := split_part(p_policy.parent_table, '.', 1);
    v_table   text := split_part(p_policy.parent_table, '.', 2);
    v_default regclass;
    v_waiting boolean := false;
    v_month   record;
    v_out     maintenance.plan_step;
BEGIN
    IF p_policy.kind <> 'partitioned' OR p_policy.compact_after IS NULL THEN
        RETURN;
    END IF;
    v_default := (SELECT p.partition FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default);
    IF v_default IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT FROM %s)', v_default) INTO v_waiting;
    END IF;
    FOR v_month IN
        SELECT date_trunc('month', p.lower_bound)::date AS month, count(*) AS days,
               min(p.lower_bound)::date AS first_day, max(p.lower_bound)::date AS last_day
          FROM maintenance.partitions_of(v_parent) AS p
          JOIN pg_class AS c ON c.oid = p.partition
         WHERE NOT p.is_default
           AND c.relnamespace = v_schema::regnamespace
           AND p.upper_bound - p.lower_bound = interval '1 day'
           AND p.lower_bound = date_trunc('day', p.lower_bound)
         GROUP BY 1
        HAVING date_trunc('month', min(p.lower_bound)) + interval '1 month' <= p_reference_time - p_policy.compact_after
           AND (p_policy.retention IS NULL OR date_trunc('month', min(p.lower_bound)) >= p_reference_time - p_policy.retention)
         ORDER BY 1
    LOOP
        v_out.day := v_month.month;
        v_out.partition_name := maintenance.free_partition_name(v_schema, format('%s_p%s', v_table, to_char(v_month.month, 'YYYYMM')));
        v_out.rows_affected := 0;
        IF v_waiting THEN
            v_out.action := 'deferred';
            v_out.detail := format('%s: rows wait in the default partition %s; a run rescues them before months are merged',
                                   to_char(v_month.month, 'YYYY-MM'), v_default);
        ELSE
            v_out.action := 'compact';
            v_out.detail := format('%s: %s daily partitions (%s to %s) into %s',
                                   to_char(v_month.month, 'YYYY-MM'), v_month.days, v_month.first_day, v_month.last_day, v_out.partition_name);
        END IF;
        RETURN NEXT v_out;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.compaction_plan(maintenance.policy, timestamptz) IS
    'The months of daily partitions a run would merge at a reference time, oldest first (reads, changes nothing; internal)';

-- ---------------------------------------------------------------------------------------
-- compact_month: merges one month's daily partitions, whose changes are captured, in the
-- caller's transaction (see the header). Raises lock_not_available when it cannot get the
-- parent's lock: the caller rolls back.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text)
RETURNS maintenance.action
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
SET lock_timeout = '1s'
AS $function$
DECLARE
    v_parent   regclass := p_policy.parent_table::regclass;
    v_schema   text := split_part(p_policy.parent_table, '.', 1);
    v_table    text := split_part(p_policy.parent_table, '.', 2);
    v_key      name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_from     timestamptz := p_month::timestamp AT TIME ZONE 'UTC';
    v_to       timestamptz := (p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    v_days     regclass[];
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
BEGIN
    SELECT array_agg(p.partition ORDER BY p.lower_bound), array_agg(p.lower_bound::date ORDER BY p.lower_bound) INTO v_days, v_day
      FROM maintenance.partitions_of(v_parent) AS p
      JOIN pg_class AS c ON c.oid = p.partition
     WHERE NOT p.is_default AND c.relnamespace = v_schema::regnamespace
       AND p.lower_bound >= v_from AND p.upper_bound <= v_to;
    IF v_days IS NULL OR EXISTS (SELECT FROM unnest(v_days) AS d WHERE maintenance.capture_log(d) IS NULL) THEN
        RAISE EXCEPTION 'merge of % into %: a daily partition has no change capture', to_char(p_month, 'YYYY-MM'), p_name;
    END IF;

    -- The month, beside its days; its CHECK implies the partition range.
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)', v_schema, p_name, v_parent);
    v_month := format('%I.%I', v_schema, p_name)::regclass;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_compact_range CHECK (%I IS NOT NULL AND %I >= %L AND %I < %L)',
                   v_month, v_key, v_key, v_from, v_key, v_to);
    -- Every day in one statement: one snapshot, after which the logs hold every change.
    EXECUTE format('WITH copied AS (INSERT INTO %s (%s) OVERRIDING SYSTEM VALUE %s RETURNING 1)'
                   ' SELECT count(*), pg_current_snapshot() FROM copied',
                   v_month, v_cols,
                   (SELECT string_agg(format('SELECT %s FROM ONLY %s', v_cols, d), ' UNION ALL ') FROM unnest(v_days) AS d))
       INTO v_rows, v_since;
    -- The parent's keys and indexes, after the rows (one sorted build each), named as
    -- PostgreSQL names a partition's.
    FOR v_index IN
        SELECT x.indexrelid, c.relname, con.oid AS constraint_oid, con.contype
          FROM pg_index AS x
          JOIN pg_class AS c ON c.oid = x.indexrelid
          LEFT JOIN pg_constraint AS con ON con.conindid = x.indexrelid AND con.conrelid = v_parent
         WHERE x.indrelid = v_parent
         ORDER BY x.indexrelid
    LOOP
        IF v_index.contype IN ('p', 'u') THEN
            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', v_month,
                           left(p_name || CASE v_index.contype WHEN 'p' THEN '_pkey' ELSE substr(v_index.relname, length(v_table) + 1) END, 63),
                           pg_get_constraintdef(v_index.constraint_oid));
        ELSE
            EXECUTE regexp_replace(pg_get_indexdef(v_index.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ',
                                   format('CREATE \1INDEX %I ON %s ', left(p_name || substr(v_index.relname, length(v_table) + 1), 63), v_month));
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
    -- Dropped, not detached: with thousands of partitions a DETACH costs 28 times a DROP
    -- (measured at 3,000: 13 ms against 0.5 ms), as each rebuilds the parent's partition map.
    FOR i IN 1 .. cardinality(v_days) LOOP
        SELECT * INTO v_r FROM maintenance.apply_captured(maintenance.capture_log(v_days[i]), v_month, v_key, v_day[i], NULL, v_since, NULL);
        v_changes := v_changes + v_r.rows_added + v_r.rows_removed;
        v_rows := v_rows + v_r.rows_added - v_r.rows_removed;
        PERFORM maintenance.set_capture(v_days[i], false);
        EXECUTE format('DROP TABLE %s', v_days[i]);
    END LOOP;
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', v_parent, v_month, v_from, v_to);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT marketdb_compact_range', v_month);

    RETURN (p_policy.parent_table, 'compact', p_name, v_rows,
            format('%s: merged %s daily partitions (%s rows%s) into %s; the parent was locked %s ms',
                   to_char(p_month, 'YYYY-MM'), cardinality(v_days), v_rows,
                   CASE WHEN v_changes > 0 THEN format(', %s changes made during the copy replayed', v_changes) ELSE '' END, p_name,
                   round(extract(epoch FROM clock_timestamp() - v_locked) * 1000)))::maintenance.action;
END
$function$;

COMMENT ON FUNCTION maintenance.compact_month(maintenance.policy, date, text) IS
    'Merges the daily partitions of one UTC month, their changes captured, into one partition, in the caller''s transaction (internal)';

-- ---------------------------------------------------------------------------------------
-- set_captures: with p_on, installs the change capture on one daily partition of p_month
-- that lacks it; without, removes it from one daily partition outside p_month (NULL: any).
-- One partition per call and transaction: a writer inserting into several days in one
-- transaction could otherwise hold one while waiting for another this call holds, and
-- deadlock with it. SHARE ROW EXCLUSIVE on the partition (lock_timeout 1 s, three
-- attempts). Returns the partition it changed, NULL when none was left to change.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.set_captures(p_parent regclass, p_month date, p_on boolean)
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

-- ---------------------------------------------------------------------------------------
-- run_compaction: one logged compaction step for one table at any finite reference time:
-- for the oldest month due, its capture or its merge; with p_dry_run every month due. Claims the table as a run does
-- (its policy row, SKIP LOCKED). Internal and owner-only, like run_policies: tests run it
-- at fixed times; the maintainer's entry point is compact_for.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.run_compaction(p_parent_table text, p_reference_time timestamptz, p_dry_run boolean)
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

-- The maintainer's entry point: the server's time for a real run. Call it in a transaction
-- of its own, again while it returns a capture or compact action (one step each).
CREATE FUNCTION maintenance.compact_for(
    p_parent_table   text,
    p_reference_time timestamptz DEFAULT now(),
    p_dry_run        boolean     DEFAULT false
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    RETURN QUERY SELECT * FROM maintenance.run_compaction(v_canonical, p_reference_time, p_dry_run);
END
$function$;

COMMENT ON FUNCTION maintenance.compact_for(text, timestamptz, boolean) IS
    'Merges the oldest month of daily partitions due (one per call and transaction), or lists every month due as a dry run';

-- The owner sets a table's compaction age (NULL: never).
CREATE FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    UPDATE maintenance.policy AS p SET compact_after = p_compact_after WHERE p.parent_table = v_canonical;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.set_compaction(text, interval) IS
    'Sets after how long a table''s daily partitions are merged into months (NULL: never; owner only)';

-- Both tiers per partitioned table, for `marketdb status`.
CREATE FUNCTION maintenance.partition_tiers(p_reference_time timestamptz DEFAULT now())
RETURNS TABLE (parent_table text, daily_partitions integer, monthly_partitions integer, other_partitions integer,
               compact_after interval, months_due integer, oldest_daily date)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_policy maintenance.policy;
BEGIN
    PERFORM maintenance.require_finite_time('p_reference_time', p_reference_time);
    FOR v_policy IN SELECT * FROM maintenance.policy AS p WHERE p.kind = 'partitioned' ORDER BY p.parent_table LOOP
        parent_table := v_policy.parent_table;
        compact_after := v_policy.compact_after;
        SELECT count(*) FILTER (WHERE p.upper_bound - p.lower_bound = interval '1 day'),
               count(*) FILTER (WHERE p.lower_bound = date_trunc('month', p.lower_bound) AND p.upper_bound = p.lower_bound + interval '1 month'),
               count(*) FILTER (WHERE p.upper_bound - p.lower_bound <> interval '1 day'
                                  AND NOT (p.lower_bound = date_trunc('month', p.lower_bound) AND p.upper_bound = p.lower_bound + interval '1 month')),
               min(p.lower_bound::date) FILTER (WHERE p.upper_bound - p.lower_bound = interval '1 day')
          INTO daily_partitions, monthly_partitions, other_partitions, oldest_daily
          FROM maintenance.partitions_of(v_policy.parent_table::regclass) AS p
         WHERE NOT p.is_default;
        months_due := (SELECT count(*) FROM maintenance.compaction_plan(v_policy, p_reference_time) AS s WHERE s.action = 'compact');
        RETURN NEXT;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.partition_tiers(timestamptz) IS
    'Per partitioned table: daily and monthly partitions, compaction age, months due for merging';

-- run_all: each table's compaction after its run, one step per transaction, at most 24
-- months a run (two years of backlog; the next run continues).
CREATE OR REPLACE PROCEDURE maintenance.run_all()
LANGUAGE plpgsql
AS $procedure$
DECLARE
    v_table    text;
    v_action   maintenance.action;
    v_problems text[] := '{}';
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
    END LOOP;
    IF cardinality(v_problems) > 0 THEN
        RAISE EXCEPTION 'maintenance finished, but % table(s) were not maintained: %', cardinality(v_problems), array_to_string(v_problems, '; ')
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'the committed tables are done; see maintenance.run_log, the next run retries the others';
    END IF;
END
$procedure$;

COMMENT ON PROCEDURE maintenance.run_all() IS
    'Maintains every enabled table at the server''s time, committing after each (and after each month merged); raises at the end if a table was not maintained';

REVOKE EXECUTE ON FUNCTION maintenance.compaction_plan(maintenance.policy, timestamptz) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.compact_month(maintenance.policy, date, text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.set_captures(regclass, date, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.run_compaction(text, timestamptz, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.set_compaction(text, interval) FROM marketdb_maintainer;
GRANT EXECUTE ON FUNCTION maintenance.partition_tiers(timestamptz) TO marketdb_reader;

COMMIT;
