-- Revert marketdb:maintenance/partitions from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Back to v0.1.0: this change's functions go, and v0.1.0's maintenance/partitions is made
-- again as it was (its deploy script, maintenance/partitions@v0.1.0, below).
DROP FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer);
DROP FUNCTION maintenance.free_partition_name(text, text);
DROP FUNCTION maintenance.apply_captured(regclass, regclass, name, date, date[], pg_snapshot, pg_snapshot);
DROP FUNCTION maintenance.stage_rows(regclass, regclass, text, date, date[]);
DROP FUNCTION maintenance.row_match(regclass);
DROP FUNCTION maintenance.stage_predicate(name, date, date[]);
-- Captures still installed (rows waiting for a rescue) are removed with their logs.
SELECT maintenance.set_capture(t.tgrelid::regclass, false)
  FROM pg_trigger AS t
 WHERE t.tgname = 'marketdb_rescue_capture' AND t.tgfoid = 'maintenance.capture_change()'::regprocedure;
DROP FUNCTION maintenance.set_capture(regclass, boolean);
DROP FUNCTION maintenance.capture_change();
DROP FUNCTION maintenance.capture_log(regclass);
DROP FUNCTION maintenance.rescue_day(regclass, text, date);
DROP FUNCTION maintenance.archive_rows(maintenance.policy, date, text, bigint);
DROP FUNCTION maintenance.make_read_only_archive(regclass);
DROP FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer);
DROP TYPE maintenance.plan_step;
DROP FUNCTION maintenance.partitions_of(regclass);
DROP FUNCTION maintenance.execute_with_lock_retry(text, integer);

-- ---------------------------------------------------------------------------------------
-- partitions_of: every partition of a parent with its range bounds.
-- Bounds are read back from pg_get_expr() as text, so the function renders them in UTC:
-- the result must not depend on the caller's TimeZone.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.partitions_of(p_parent regclass)
RETURNS TABLE (partition regclass, partition_name text, is_default boolean, lower_bound timestamptz, upper_bound timestamptz)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
    SELECT c.oid::regclass,
           c.relname::text,
           b.bound = 'DEFAULT',
           CASE WHEN b.bound = 'DEFAULT' THEN NULL
                WHEN m[1] = 'MINVALUE' THEN '-infinity'::timestamptz
                ELSE btrim(m[1], '''')::timestamptz END,
           CASE WHEN b.bound = 'DEFAULT' THEN NULL
                WHEN m[2] = 'MAXVALUE' THEN 'infinity'::timestamptz
                ELSE btrim(m[2], '''')::timestamptz END
      FROM pg_inherits AS i
      JOIN pg_class AS c ON c.oid = i.inhrelid
     CROSS JOIN LATERAL (SELECT pg_get_expr(c.relpartbound, c.oid) AS bound) AS b
      LEFT JOIN LATERAL regexp_match(b.bound, '^FOR VALUES FROM \((.+)\) TO \((.+)\)$') AS m ON true
     WHERE i.inhparent = p_parent
$function$;

COMMENT ON FUNCTION maintenance.partitions_of(regclass) IS
    'Partitions of a range-partitioned table with their bounds (NULL bounds for the default partition)';

-- ---------------------------------------------------------------------------------------
-- Argument checks shared by the entry points, so every caller gets the same message.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.resolve_table(p_parent_table text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_parent regclass;
BEGIN
    IF p_parent_table IS NULL THEN
        RAISE EXCEPTION 'p_parent_table must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_parent := to_regclass(p_parent_table);
    IF v_parent IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: table "%" does not exist', p_parent_table USING ERRCODE = 'undefined_table';
    END IF;
    RETURN (SELECT format('%s.%s', n.nspname, c.relname)
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
             WHERE c.oid = v_parent);
END
$function$;

COMMENT ON FUNCTION maintenance.resolve_table(text) IS
    'The schema.table name of an existing table, or an error naming p_parent_table (internal)';

CREATE FUNCTION maintenance.check_run_arguments(p_reference_time timestamptz, p_dry_run boolean)
RETURNS void
LANGUAGE plpgsql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF p_reference_time IS NULL OR p_reference_time IN ('infinity', '-infinity') THEN
        RAISE EXCEPTION 'p_reference_time must be a finite timestamp, got %', coalesce(p_reference_time::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_dry_run IS NULL THEN
        RAISE EXCEPTION 'p_dry_run must be true or false, not NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.check_run_arguments(timestamptz, boolean) IS
    'Raises unless the reference time is finite and the dry-run flag is set (internal)';

-- ---------------------------------------------------------------------------------------
-- partition_plan: what a run would do for one policy at a reference time, computed from the
-- catalog and the clock (not only from the newest data):
--   create  every day from the oldest kept partition (or reference day - 1) through
--           reference day + premake that no partition covers: this also fills gaps;
--   rescue  every day that has rows in the default partition and no partition of its own;
--   drop / detach  partitions wholly older than reference time - retention, except the
--           partition holding the newest data.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.partition_plan(
    p_policy         maintenance.policy,
    p_reference_time timestamptz,
    p_premake_days   integer
)
RETURNS TABLE (action text, day date, partition_name text, rows_affected bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_parent      regclass := p_policy.parent_table::regclass;
    v_table       text := split_part(p_policy.parent_table, '.', 2);
    v_key         text;
    v_default     regclass;
    v_ref_day     date := (p_reference_time AT TIME ZONE 'UTC')::date;
    v_cutoff      timestamptz := p_reference_time - p_policy.retention;
    v_from        date;
    v_to          date := v_ref_day + p_premake_days;
    v_oldest_kept date;
    -- The partitions, as parallel arrays (no temporary tables: a no-op run must stay cheap).
    v_parts       regclass[];
    v_lowers      timestamptz[];
    v_uppers      timestamptz[];
    v_same_schema boolean[];
    -- Rows waiting in the default partition, per UTC day.
    v_dd_days     date[];
    v_dd_rows     bigint[];
    v_keep        regclass;
    v_nonempty    boolean;
    v_rows        bigint;
BEGIN
    SELECT a.attname INTO v_key
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = v_parent;

    SELECT (array_agg(p.partition) FILTER (WHERE p.is_default))[1],
           array_agg(p.partition ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(p.lower_bound ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(p.upper_bound ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(c.relnamespace = pc.relnamespace ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default)
      INTO v_default, v_parts, v_lowers, v_uppers, v_same_schema
      FROM maintenance.partitions_of(v_parent) AS p
      JOIN pg_class AS c ON c.oid = p.partition
      JOIN pg_class AS pc ON pc.oid = v_parent;

    IF v_default IS NOT NULL THEN
        EXECUTE format(
            'SELECT array_agg(d ORDER BY d), array_agg(n ORDER BY d)'
            '  FROM (SELECT (%1$I AT TIME ZONE ''UTC'')::date AS d, count(*) AS n FROM %2$s GROUP BY 1) AS per_day',
            v_key, v_default)
           INTO v_dd_days, v_dd_rows;
    END IF;

    -- Gaps are filled from the oldest day that will be kept: an existing partition or a day
    -- about to be rescued, unless retention is about to remove it.
    SELECT min(kept.day) INTO v_oldest_kept
      FROM (SELECT (pp.lower_bound AT TIME ZONE 'UTC')::date AS day, pp.upper_bound
              FROM unnest(v_lowers, v_uppers) AS pp(lower_bound, upper_bound)
             WHERE pp.lower_bound > '-infinity'
            UNION ALL
            SELECT dd.day, (dd.day + 1)::timestamp AT TIME ZONE 'UTC'
              FROM unnest(v_dd_days) AS dd(day)) AS kept
     WHERE v_cutoff IS NULL OR kept.upper_bound > v_cutoff;
    v_from := least(v_ref_day - 1, v_oldest_kept);

    -- A day is covered when any partition overlaps it; days are compared with a hash
    -- anti-join, so the cost grows with the number of partitions, not its square.
    RETURN QUERY
    WITH wanted AS (
        SELECT g::date AS day
          FROM generate_series(v_from, v_to, interval '1 day') AS g
         WHERE v_cutoff IS NULL OR (g::date + 1)::timestamp AT TIME ZONE 'UTC' > v_cutoff
        UNION
        SELECT dd.day FROM unnest(v_dd_days) AS dd(day)
    ), covered AS (
        SELECT DISTINCT g::date AS day
          FROM unnest(v_lowers, v_uppers) AS pp(lower_bound, upper_bound)
         CROSS JOIN LATERAL generate_series(
                   greatest(pp.lower_bound, (SELECT min(w.day) FROM wanted AS w)::timestamp AT TIME ZONE 'UTC'),
                   least(pp.upper_bound - interval '1 microsecond', ((SELECT max(w.day) FROM wanted AS w) + 1)::timestamp AT TIME ZONE 'UTC'),
                   interval '1 day') AS g
    )
    SELECT CASE WHEN dd.n > 0 THEN 'rescue' ELSE 'create' END,
           w.day,
           format('%s_p%s', v_table, to_char(w.day, 'YYYYMMDD')),
           coalesce(dd.n, 0)
      FROM wanted AS w
      LEFT JOIN unnest(v_dd_days, v_dd_rows) AS dd(day, n) ON dd.day = w.day
      LEFT JOIN covered AS c ON c.day = w.day
     WHERE c.day IS NULL
     ORDER BY w.day;

    IF v_cutoff IS NULL OR NOT (v_cutoff >= ANY (v_uppers)) THEN
        RETURN;
    END IF;

    -- The newest non-empty partition is never removed, however old: a feed that stopped
    -- must not lose its last data to the calendar.
    FOR i IN REVERSE coalesce(cardinality(v_parts), 0) .. 1 LOOP
        EXECUTE format('SELECT EXISTS (SELECT FROM %s)', v_parts[i]) INTO v_nonempty;
        IF v_nonempty THEN
            v_keep := v_parts[i];
            EXIT;
        END IF;
    END LOOP;

    -- Only partitions in the parent's schema are managed: one attached from elsewhere by
    -- hand is the DBA's to remove.
    FOR i IN 1 .. coalesce(cardinality(v_parts), 0) LOOP
        CONTINUE WHEN v_uppers[i] > v_cutoff OR v_parts[i] = v_keep OR NOT v_same_schema[i];
        EXECUTE format('SELECT count(*) FROM %s', v_parts[i]) INTO v_rows;
        action := p_policy.retention_action;
        day := (v_lowers[i] AT TIME ZONE 'UTC')::date;
        partition_name := (SELECT c.relname::text FROM pg_class AS c WHERE c.oid = v_parts[i]);
        rows_affected := v_rows;
        RETURN NEXT;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer) IS
    'The actions a maintenance run would take for one policy at a reference time (changes nothing)';

-- ---------------------------------------------------------------------------------------
-- execute_with_lock_retry: runs one statement that needs a lock, waiting at most the
-- caller's lock_timeout per attempt, with a short pause between attempts, so maintenance
-- never queues behind live traffic for long (and never keeps traffic queued behind it).
-- Returns false when every attempt timed out; locks it got are kept to the transaction end.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.execute_with_lock_retry(p_statement text, p_attempts integer DEFAULT 3)
RETURNS boolean
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    FOR attempt IN 1 .. p_attempts LOOP
        BEGIN
            EXECUTE p_statement;
            RETURN true;
        EXCEPTION WHEN lock_not_available THEN
            PERFORM pg_sleep(0.2 * attempt);
        END;
    END LOOP;
    RETURN false;
END
$function$;

COMMENT ON FUNCTION maintenance.execute_with_lock_retry(text, integer) IS
    'Executes a statement, retrying when it cannot get its locks within lock_timeout (internal)';

-- ---------------------------------------------------------------------------------------
-- maintain_partitioned: applies one policy. Called by the run functions, which take the
-- per-table advisory lock and log the run.
-- DDL takes ACCESS EXCLUSIVE on the parent first, so writers queue at the parent for the
-- milliseconds the DDL takes and route their rows with the new partitions afterwards; they
-- never see a half-made partition or a default partition whose constraint just changed.
-- lock_timeout bounds how long a run waits behind traffic (and so how long traffic waits
-- behind the run); on timeout it retries, then reports lock_timeout and changes nothing.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.maintain_partitioned(
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
    c_attempts constant integer := 3;
    v_parent   regclass := p_policy.parent_table::regclass;
    v_schema   text := split_part(p_policy.parent_table, '.', 1);
    v_premake  integer := coalesce(p_premake_days, p_policy.premake_days);
    v_key      text;
    v_default  regclass;
    v_columns  text;
    v_step     record;
    v_name     text;
    v_lower    timestamptz;
    v_upper    timestamptz;
    v_moved    bigint;
    v_inserted bigint;
    v_result   maintenance.action;
    v_any      boolean := false;
BEGIN
    IF NOT EXISTS (SELECT FROM maintenance.partition_plan(p_policy, p_reference_time, v_premake)) THEN
        v_result := (p_policy.parent_table, 'noop', NULL, 0,
                     format('nothing to do: partitions cover through %s, default partition empty, nothing past retention',
                            (p_reference_time AT TIME ZONE 'UTC')::date + v_premake));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    IF p_dry_run THEN
        FOR v_step IN SELECT * FROM maintenance.partition_plan(p_policy, p_reference_time, v_premake) LOOP
            v_result := (p_policy.parent_table, v_step.action, v_step.partition_name, v_step.rows_affected,
                         CASE v_step.action
                             WHEN 'create' THEN format('dry run: would create for %s', v_step.day)
                             WHEN 'rescue' THEN format('dry run: would create for %s and move %s rows out of the default partition', v_step.day, v_step.rows_affected)
                             ELSE format('dry run: would %s (%s rows), wholly older than %s', v_step.action, v_step.rows_affected, p_reference_time - p_policy.retention)
                         END);
            RETURN NEXT v_result;
        END LOOP;
        RETURN;
    END IF;

    IF NOT maintenance.execute_with_lock_retry(format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', v_parent), c_attempts) THEN
        v_result := (p_policy.parent_table, 'lock_timeout', NULL, 0,
                     format('could not lock %s within lock_timeout %s in %s attempts; nothing changed, the next run retries',
                            p_policy.parent_table, current_setting('lock_timeout'), c_attempts));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    SELECT a.attname INTO v_key
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = v_parent;
    SELECT p.partition INTO v_default FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO v_columns
      FROM pg_attribute AS a
     WHERE a.attrelid = v_parent AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';

    -- Planned again under the lock: rows may have reached the default partition meanwhile.
    -- Two passes: partitions are made first, then retention is planned once more so that a
    -- day rescued from the default partition but already past retention is removed in this
    -- run too, and the next run with the same reference time has nothing left to do.
    FOR pass IN 1 .. 2 LOOP
        FOR v_step IN
            SELECT plan.* FROM maintenance.partition_plan(p_policy, p_reference_time, v_premake) AS plan
             WHERE (pass = 1) = (plan.action IN ('create', 'rescue'))
        LOOP
            v_lower := v_step.day::timestamp AT TIME ZONE 'UTC';
            v_upper := (v_step.day + 1)::timestamp AT TIME ZONE 'UTC';
            v_name := v_step.partition_name;
            -- A detached partition of the same day keeps its name; the new one gets a suffix.
            IF v_step.action IN ('create', 'rescue') THEN
                FOR suffix IN 1 .. 99 LOOP
                    EXIT WHEN to_regclass(format('%I.%I', v_schema, v_name)) IS NULL;
                    v_name := format('%s_%s', v_step.partition_name, suffix);
                END LOOP;
            END IF;
            BEGIN
                CASE v_step.action
                WHEN 'create' THEN
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
                                   v_schema, v_name, v_parent, v_lower, v_upper);
                    v_result := (p_policy.parent_table, 'create', v_name, 0, format('for %s', v_step.day));
                WHEN 'rescue' THEN
                    -- Rows leave the default partition for a temporary table, the partition is
                    -- created (which requires the default to hold none of its rows), and they go
                    -- back in through the parent. One transaction: all of it or none of it.
                    EXECUTE format(
                        'CREATE TEMP TABLE marketdb_rescue ON COMMIT DROP AS '
                        'WITH moved AS (DELETE FROM %1$s WHERE %2$I >= %3$L AND %2$I < %4$L RETURNING *) SELECT * FROM moved',
                        v_default, v_key, v_lower, v_upper);
                    SELECT count(*) INTO v_moved FROM marketdb_rescue;
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
                                   v_schema, v_name, v_parent, v_lower, v_upper);
                    EXECUTE format('INSERT INTO %1$s (%2$s) SELECT %2$s FROM marketdb_rescue', v_parent, v_columns);
                    GET DIAGNOSTICS v_inserted = ROW_COUNT;
                    IF v_inserted <> v_moved THEN
                        RAISE EXCEPTION 'rescue of % for %: moved % rows but inserted %', p_policy.parent_table, v_step.day, v_moved, v_inserted;
                    END IF;
                    DROP TABLE marketdb_rescue;
                    v_result := (p_policy.parent_table, 'rescue', v_name, v_moved,
                                 format('for %s; moved %s rows out of the default partition', v_step.day, v_moved));
                WHEN 'drop' THEN
                    EXECUTE format('DROP TABLE %I.%I', v_schema, v_name);
                    v_result := (p_policy.parent_table, 'drop', v_name, v_step.rows_affected,
                                 format('dropped with %s rows: wholly older than %s', v_step.rows_affected, p_reference_time - p_policy.retention));
                WHEN 'detach' THEN
                    EXECUTE format('ALTER TABLE %s DETACH PARTITION %I.%I', v_parent, v_schema, v_name);
                    v_result := (p_policy.parent_table, 'detach', v_name, v_step.rows_affected,
                                 format('detached with %s rows, kept as table %I.%I: wholly older than %s',
                                        v_step.rows_affected, v_schema, v_name, p_reference_time - p_policy.retention));
                END CASE;
            EXCEPTION WHEN lock_not_available THEN
                v_result := (p_policy.parent_table, 'lock_timeout', v_name, 0,
                             format('%s %s: lock not available within %s; the next run retries', v_step.action, v_name, current_setting('lock_timeout')));
            END;
            v_any := true;
            RETURN NEXT v_result;
        END LOOP;
    END LOOP;

    IF NOT v_any THEN
        v_result := (p_policy.parent_table, 'noop', NULL, 0, 'nothing to do once locked: another run did it');
        RETURN NEXT v_result;
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer) IS
    'Applies one partition policy (internal: call run_maintenance or run_maintenance_for)';

-- ---------------------------------------------------------------------------------------
-- run_policies: the run itself, shared by both entry points. One advisory lock per table
-- makes a concurrent second caller skip that table (visibly, as a skip action) instead of
-- erroring or doing the work twice. A table whose maintenance fails is rolled back alone,
-- reported as an error action and in the run log; the other tables still run. The log row
-- is written in the caller's transaction, so it records every run that returns.
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
BEGIN
    INSERT INTO maintenance.run_log (reference_time, parent_table, dry_run)
    VALUES (p_reference_time, p_scope, p_dry_run)
    RETURNING run_id INTO v_run_id;

    FOREACH v_table IN ARRAY p_parent_tables LOOP
        SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_table;
        BEGIN
            IF NOT p_dry_run AND NOT pg_try_advisory_xact_lock(hashtext('marketdb.maintenance'), hashtext(v_table)) THEN
                v_batch := ARRAY[(v_table, 'skip', NULL, 0, 'another maintenance run is working on this table; skipped')::maintenance.action];
            ELSE
                -- maintain_<kind>: one function per kind of managed table (policy_kind_known).
                EXECUTE format('SELECT coalesce(array_agg(a), ''{}'') FROM maintenance.%I($1, $2, $3, $4) AS a',
                               'maintain_' || v_policy.kind)
                   INTO v_batch
                  USING v_policy, p_reference_time, p_dry_run, p_premake_days;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT, v_state = RETURNED_SQLSTATE;
            v_batch := ARRAY[(v_table, 'error', NULL, 0, format('%s (SQLSTATE %s); nothing changed for this table', v_message, v_state))::maintenance.action];
        END;
        FOREACH v_action IN ARRAY v_batch LOOP
            v_all := v_all || v_action;
            RETURN NEXT v_action;
        END LOOP;
    END LOOP;

    SELECT CASE
               WHEN bool_or(a.action = 'error') THEN 'error'
               WHEN bool_or(a.action IN ('lock_timeout', 'skip')) THEN 'partial'
               WHEN bool_and(a.action = 'noop') OR count(*) = 0 THEN 'noop'
               ELSE 'ok'
           END
      INTO v_status
      FROM unnest(v_all) AS a;

    UPDATE maintenance.run_log AS l
       SET finished_at = clock_timestamp(),
           status = v_status,
           actions = to_jsonb(v_all),
           error = (SELECT string_agg(a.parent_table || ': ' || a.detail, '; ') FROM unnest(v_all) AS a WHERE a.action = 'error')
     WHERE l.run_id = v_run_id;
END
$function$;

COMMENT ON FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer) IS
    'One logged maintenance run over the given policies (internal)';

-- ---------------------------------------------------------------------------------------
-- The entry points. SECURITY DEFINER: the maintainer role runs them without owning or being
-- granted anything on the tables they manage.
-- ---------------------------------------------------------------------------------------
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
    PERFORM maintenance.check_run_arguments(p_reference_time, p_dry_run);
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(
        ARRAY(SELECT p.parent_table FROM maintenance.policy AS p WHERE p.enabled ORDER BY p.parent_table),
        NULL, p_reference_time, p_dry_run, NULL);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance(timestamptz, boolean) IS
    'Applies every enabled policy at the reference time; one row per action; logged in maintenance.run_log';

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
    v_canonical text := maintenance.resolve_table(p_parent_table);
BEGIN
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.check_run_arguments(p_reference_time, p_dry_run);
    IF p_premake_days IS NOT NULL
       AND (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) = 'hypertable' THEN
        RAISE EXCEPTION 'p_premake_days: % is a hypertable, whose chunks are made by inserts; pass NULL', v_canonical
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_premake_days < 0 OR p_premake_days > 366 THEN
        RAISE EXCEPTION 'p_premake_days must be between 0 and 366 (NULL: the policy''s), got %', p_premake_days
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY[v_canonical], v_canonical, p_reference_time, p_dry_run, p_premake_days);
END
$function$;

COMMENT ON FUNCTION maintenance.run_maintenance_for(text, timestamptz, boolean, integer) IS
    'Applies one table''s policy (enabled or not) at the reference time, optionally with another premake';

-- ---------------------------------------------------------------------------------------
-- register_partitioned_table: the only way a partitioned table enters the registry, so every
-- rule the maintenance function relies on is checked once, with the argument named.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.register_partitioned_table(
    p_parent_table       text,
    p_premake_days       integer  DEFAULT 7,
    p_retention          interval DEFAULT NULL,
    p_retention_action   text     DEFAULT 'drop',
    p_partition_interval interval DEFAULT interval '1 day'
)
RETURNS maintenance.policy
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.resolve_table(p_parent_table);
    v_parent    regclass := v_canonical::regclass;
    v_key_type  regtype;
    v_policy    maintenance.policy;
    v_action    maintenance.action;
BEGIN

    -- Maintenance runs as the owner role (SECURITY DEFINER), which can only create, drop and
    -- detach partitions of tables it owns.
    IF (SELECT c.relowner FROM pg_class AS c WHERE c.oid = v_parent) <> 'marketdb_owner'::regrole THEN
        RAISE EXCEPTION 'p_parent_table: % is owned by %, not marketdb_owner, so maintenance could not manage it',
                v_canonical, (SELECT c.relowner::regrole FROM pg_class AS c WHERE c.oid = v_parent)
            USING ERRCODE = 'invalid_parameter_value', HINT = format('ALTER TABLE %s OWNER TO marketdb_owner', v_canonical);
    END IF;

    -- Daily partitions need RANGE partitioning on one timestamptz column.
    SELECT a.atttypid::regtype INTO v_key_type
      FROM pg_partitioned_table AS pt
      JOIN pg_attribute AS a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = v_parent AND pt.partstrat = 'r' AND pt.partnatts = 1;
    IF v_key_type IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % is not partitioned by RANGE on one column', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'declare it with PARTITION BY RANGE (ts)';
    END IF;
    IF v_key_type <> 'timestamptz'::regtype THEN
        RAISE EXCEPTION 'p_parent_table: % is partitioned on a % column, daily partitions need timestamptz', v_canonical, v_key_type
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Without a default partition an insert for a day with no partition fails; with one it
    -- lands there and the maintenance run moves it out.
    IF NOT EXISTS (SELECT FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default) THEN
        RAISE EXCEPTION 'p_parent_table: % has no default partition', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = format('CREATE TABLE %s_default PARTITION OF %s DEFAULT', v_canonical, v_canonical);
    END IF;
    IF p_premake_days IS NULL OR p_premake_days < 0 THEN
        RAISE EXCEPTION 'p_premake_days must be 0 or more, got %', coalesce(p_premake_days::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_partition_interval IS DISTINCT FROM interval '1 day' THEN
        RAISE EXCEPTION 'p_partition_interval: partitioned tables support only 1 day, got %', coalesce(p_partition_interval::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_retention <= interval '0' THEN
        RAISE EXCEPTION 'p_retention must be positive or NULL (keep everything), got %', p_retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_retention_action IS NULL OR p_retention_action NOT IN ('drop', 'detach') THEN
        RAISE EXCEPTION 'p_retention_action must be drop or detach, got %', coalesce(p_retention_action, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO maintenance.policy (parent_table, kind, partition_interval, premake_days, retention, retention_action)
    VALUES (v_canonical, 'partitioned', p_partition_interval, p_premake_days, p_retention, p_retention_action)
    RETURNING * INTO v_policy;

    -- A registered table is managed at once: its partitions through today + premake exist
    -- when this returns, or the registration fails with the reason.
    FOR v_action IN SELECT * FROM maintenance.run_maintenance_for(v_canonical) LOOP
        IF v_action.action NOT IN ('create', 'rescue', 'noop') THEN
            RAISE EXCEPTION 'registering %: the first maintenance run reported % (%)', v_canonical, v_action.action, v_action.detail;
        END IF;
    END LOOP;
    RETURN v_policy;
END
$function$;

COMMENT ON FUNCTION maintenance.register_partitioned_table(text, integer, interval, text, interval) IS
    'Registers a daily-partitioned table (RANGE on timestamptz, with a default partition) for maintenance';

-- ---------------------------------------------------------------------------------------
-- partition_status: per managed table, what exists and what the next run will cut.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.partition_status(p_reference_time timestamptz DEFAULT now())
RETURNS TABLE (
    parent_table          text,
    kind                  text,
    enabled               boolean,
    partitions            integer,
    oldest_day            date,
    newest_day            date,
    rows_in_default       bigint,
    premake_days          integer,
    retention             interval,
    retention_action      text,
    next_retention_cutoff timestamptz
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_policy  maintenance.policy;
    v_default regclass;
BEGIN
    FOR v_policy IN SELECT * FROM maintenance.policy AS p ORDER BY p.parent_table LOOP
        parent_table := v_policy.parent_table;
        kind := v_policy.kind;
        enabled := v_policy.enabled;
        premake_days := v_policy.premake_days;
        retention := v_policy.retention;
        retention_action := v_policy.retention_action;
        next_retention_cutoff := p_reference_time - v_policy.retention;
        rows_in_default := NULL;
        IF v_policy.kind = 'hypertable' THEN
            -- Chunks: what partitions are to a hypertable. No default partition exists.
            SELECT count(*), min(c.range_start AT TIME ZONE 'UTC')::date,
                   (max(c.range_end AT TIME ZONE 'UTC') - interval '1 microsecond')::date
              INTO partitions, oldest_day, newest_day
              FROM timescaledb_information.chunks AS c
             WHERE format('%s.%s', c.hypertable_schema, c.hypertable_name) = v_policy.parent_table;
        ELSE
            SELECT count(*) FILTER (WHERE NOT p.is_default),
                   min(p.lower_bound AT TIME ZONE 'UTC')::date,
                   (max(p.upper_bound AT TIME ZONE 'UTC') - interval '1 day')::date
              INTO partitions, oldest_day, newest_day
              FROM maintenance.partitions_of(v_policy.parent_table::regclass) AS p;
            SELECT p.partition INTO v_default
              FROM maintenance.partitions_of(v_policy.parent_table::regclass) AS p WHERE p.is_default;
            IF v_default IS NOT NULL THEN
                EXECUTE format('SELECT count(*) FROM %s', v_default) INTO rows_in_default;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.partition_status(timestamptz) IS
    'Per managed table: partition count, oldest and newest covered day, rows in default, next retention cut-off';

-- Only the entry points and the status are for the maintainer (core/schemas grants it every
-- new maintenance function by default); the reader may see the status.
REVOKE EXECUTE ON FUNCTION maintenance.partitions_of(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.execute_with_lock_retry(text, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.resolve_table(text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.check_run_arguments(timestamptz, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.register_partitioned_table(text, integer, interval, text, interval) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer) FROM marketdb_maintainer;
GRANT EXECUTE ON FUNCTION maintenance.partition_status(timestamptz) TO marketdb_reader;

COMMIT;
