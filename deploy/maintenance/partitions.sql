-- Deploy marketdb:maintenance/partitions to pg
-- requires: maintenance/partitions@v0.1.0
-- requires: maintenance/checks
-- requires: maintenance/policy_state

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Reworked after v0.1.0: this change now holds only the maintenance of natively partitioned
-- tables. What v0.1.0 also kept here moved, one concern per change: argument checks to
-- maintenance/checks, runs and their logging to maintenance/run, registration to
-- maintenance/register, status to maintenance/status. Those are dropped here and made again
-- by their changes. Nothing is lost to a client between them: one deploy runs them all.
-- squawk-ignore-file ban-drop-function
DROP FUNCTION maintenance.run_maintenance(timestamptz, boolean);
DROP FUNCTION maintenance.run_maintenance_for(text, timestamptz, boolean, integer);
DROP FUNCTION maintenance.run_policies(text[], text, timestamptz, boolean, integer);
DROP FUNCTION maintenance.register_partitioned_table(text, integer, interval, text, interval);
DROP FUNCTION maintenance.partition_status(timestamptz);
DROP FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer);
DROP FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer);
DROP FUNCTION maintenance.check_run_arguments(timestamptz, boolean);
DROP FUNCTION maintenance.resolve_table(text);

-- One step of a plan (see partition_plan).
CREATE TYPE maintenance.plan_step AS (
    action         text,
    day            date,
    partition_name text,
    rows_affected  bigint,
    detail         text
);

COMMENT ON TYPE maintenance.plan_step IS
    'One planned step: create, rescue, drop, detach, discard, archive, out_of_window or deferred';

-- ---------------------------------------------------------------------------------------
-- partition_plan: what a run would do for one policy at a reference time, from the catalog,
-- the clock and one read of the default partition. It runs before the run takes any lock
-- that writers wait for (so the reads below never make a writer wait): the default
-- partition's rows per day, and the rows of partitions past retention, counted for the
-- report.
--
--   create          a day from the oldest kept partition (or reference day - 1) through
--                   reference day + premake that no partition covers (gaps are filled);
--   rescue          a day with rows waiting in the default partition and no partition;
--   drop / detach   a partition wholly older than reference time - retention, except the
--                   newest partition that holds a row (a feed that stopped keeps its last day);
--   discard         rows waiting for a day already past retention when retention drops:
--                   they are deleted, as the day's partition would have been;
--   archive         the same when retention detaches: they join that day's archive table
--                   (<table>_pYYYYMMDD, made if missing), one archive per day for ever;
--   out_of_window   rows waiting for days outside the window maintenance looks at: they
--                   stay in the default partition and are reported (one row);
--   deferred        days left for the next run: one run makes at most 400 partitions per
--                   table (a year of gaps, and a bounded number of locks), nearest the
--                   reference day first.
--
-- The window: from 10 years before the retention cut-off (or before the reference day when
-- everything is kept) through reference day + the larger of premake and 31 days. A row
-- outside it (1970, 'infinity', year 294276) would otherwise become thousands of
-- partitions or archives.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.partition_plan(
    p_policy         maintenance.policy,
    p_reference_time timestamptz,
    p_premake_days   integer
)
RETURNS SETOF maintenance.plan_step
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_out                maintenance.plan_step;
    c_max_new_partitions constant integer := 400;
    c_history_window     constant integer := 3660;  -- days before the cut-off (or reference day) in view
    c_min_lookahead      constant integer := 31;
    v_parent      regclass := p_policy.parent_table::regclass;
    v_table       text := split_part(p_policy.parent_table, '.', 2);
    v_key         name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_default     regclass;
    v_ref_day     date := (p_reference_time AT TIME ZONE 'UTC')::date;
    v_cutoff      timestamptz := p_reference_time - p_policy.retention;
    v_window_from date;
    v_window_to   date := v_ref_day + greatest(p_premake_days, c_min_lookahead);
    v_from        date;
    v_oldest_kept date;
    v_parts       regclass[];
    v_names       text[];
    v_lowers      timestamptz[];
    v_uppers      timestamptz[];
    v_same_schema boolean[];
    v_dd_days     date[];
    v_dd_rows     bigint[];
    v_outside     record;
    v_keep        regclass;
    v_nonempty    boolean;
    v_deferred    integer := 0;
    v_step        record;
BEGIN
    v_window_from := coalesce((v_cutoff AT TIME ZONE 'UTC')::date, v_ref_day) - c_history_window;

    SELECT (array_agg(p.partition) FILTER (WHERE p.is_default))[1],
           array_agg(p.partition ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(p.partition_name ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(p.lower_bound ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(p.upper_bound ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default),
           array_agg(c.relnamespace = pc.relnamespace ORDER BY p.lower_bound) FILTER (WHERE NOT p.is_default)
      INTO v_default, v_parts, v_names, v_lowers, v_uppers, v_same_schema
      FROM maintenance.partitions_of(v_parent) AS p
      JOIN pg_class AS c ON c.oid = p.partition
      JOIN pg_class AS pc ON pc.oid = v_parent;

    -- Rows waiting in the default partition, per UTC day inside the window; the rest is
    -- counted once. 'infinity' and dates past 5874897 AD compare as larger than any day.
    IF v_default IS NOT NULL THEN
        EXECUTE format(
            'SELECT array_agg(d ORDER BY d) FILTER (WHERE d BETWEEN $1 AND $2),'
            '       array_agg(n ORDER BY d) FILTER (WHERE d BETWEEN $1 AND $2)'
            '  FROM (SELECT (%1$I AT TIME ZONE ''UTC'')::date AS d, count(*) AS n FROM %2$s GROUP BY 1) AS per_day',
            v_key, v_default)
           INTO v_dd_days, v_dd_rows
          USING v_window_from, v_window_to;
        EXECUTE format(
            'SELECT count(*) AS n, min(%1$I)::text AS oldest, max(%1$I)::text AS newest FROM %2$s'
            ' WHERE NOT ((%1$I AT TIME ZONE ''UTC'')::date BETWEEN $1 AND $2)',
            v_key, v_default)
           INTO v_outside
          USING v_window_from, v_window_to;
    END IF;

    -- Gaps are filled from the oldest day that will be kept: an existing partition or a day
    -- about to be rescued, unless retention is about to remove it.
    SELECT min(kept.day) INTO v_oldest_kept
      FROM (SELECT (pp.lower_bound AT TIME ZONE 'UTC')::date AS day, pp.upper_bound
              FROM unnest(v_lowers, v_uppers) AS pp(lower_bound, upper_bound)
            UNION ALL
            SELECT dd.day, (dd.day + 1)::timestamp AT TIME ZONE 'UTC'
              FROM unnest(v_dd_days) AS dd(day)) AS kept
     WHERE (v_cutoff IS NULL OR kept.upper_bound > v_cutoff) AND kept.day >= v_window_from;
    v_from := least(v_ref_day - 1, v_oldest_kept);

    -- New partitions, in day order; when more than c_max_new_partitions are missing, those
    -- nearest the reference day (premake before old gaps) are made first. Days past
    -- retention never get one.
    FOR v_step IN
        WITH wanted AS (
            SELECT g::date AS day
              FROM generate_series(v_from, v_ref_day + p_premake_days, interval '1 day') AS g
            UNION
            SELECT dd.day FROM unnest(v_dd_days) AS dd(day)
        ), covered AS (
            SELECT DISTINCT g::date AS day
              FROM unnest(v_lowers, v_uppers) AS pp(lower_bound, upper_bound)
             CROSS JOIN LATERAL generate_series(
                       greatest(pp.lower_bound, v_from::timestamp AT TIME ZONE 'UTC'),
                       least(pp.upper_bound - interval '1 microsecond', (v_window_to + 1)::timestamp AT TIME ZONE 'UTC'),
                       interval '1 day') AS g
        )
        SELECT m.day, m.n, row_number() OVER (ORDER BY abs(m.day - v_ref_day), m.day) AS priority
          FROM (SELECT w.day, coalesce(dd.n, 0) AS n
                  FROM wanted AS w
                  LEFT JOIN unnest(v_dd_days, v_dd_rows) AS dd(day, n) ON dd.day = w.day
                  LEFT JOIN covered AS c ON c.day = w.day
                 WHERE c.day IS NULL
                   AND (v_cutoff IS NULL OR (w.day + 1)::timestamp AT TIME ZONE 'UTC' > v_cutoff)) AS m
         ORDER BY m.day
    LOOP
        IF v_step.priority > c_max_new_partitions THEN
            v_deferred := v_deferred + 1;
            CONTINUE;
        END IF;
        v_out.action := CASE WHEN v_step.n > 0 THEN 'rescue' ELSE 'create' END;
        v_out.day := v_step.day;
        v_out.partition_name := format('%s_p%s', v_table, to_char(v_step.day, 'YYYYMMDD'));
        v_out.rows_affected := v_step.n;
        v_out.detail := CASE WHEN v_step.n > 0 THEN format('for %s; %s rows wait in the default partition', v_step.day, v_step.n)
                       ELSE format('for %s', v_step.day) END;
        RETURN NEXT v_out;
    END LOOP;

    -- Rows waiting for days past retention: removed or archived as the day's partition was,
    -- at most c_max_new_partitions days per run (each may make an archive table).
    FOR v_step IN
        SELECT dd.day, dd.n, row_number() OVER (ORDER BY dd.day DESC) AS priority
          FROM unnest(v_dd_days, v_dd_rows) AS dd(day, n)
         WHERE v_cutoff IS NOT NULL AND (dd.day + 1)::timestamp AT TIME ZONE 'UTC' <= v_cutoff
         ORDER BY dd.day
    LOOP
        IF v_step.priority > c_max_new_partitions THEN
            v_deferred := v_deferred + 1;
            CONTINUE;
        END IF;
        v_out.action := CASE p_policy.retention_action WHEN 'drop' THEN 'discard' ELSE 'archive' END;
        v_out.day := v_step.day;
        v_out.partition_name := format('%s_p%s', v_table, to_char(v_step.day, 'YYYYMMDD'));
        v_out.rows_affected := v_step.n;
        v_out.detail := format('%s rows for %s, wholly older than %s, wait in the default partition', v_step.n, v_step.day, v_cutoff);
        RETURN NEXT v_out;
    END LOOP;

    IF v_outside.n > 0 THEN
        v_out.action := 'out_of_window';
        v_out.day := NULL;
        v_out.partition_name := NULL;
        v_out.rows_affected := v_outside.n;
        v_out.detail := format('%s rows in the default partition from %s to %s are outside the days maintenance makes partitions for (%s to %s); they stay there: correct or delete them',
                         v_outside.n, v_outside.oldest, v_outside.newest, v_window_from, v_window_to);
        RETURN NEXT v_out;
    END IF;

    IF v_deferred > 0 THEN
        v_out.action := 'deferred';
        v_out.day := NULL;
        v_out.partition_name := NULL;
        v_out.rows_affected := 0;
        v_out.detail := format('%s more days need a partition or an archive; one run does at most %s of each, the next run continues',
                         v_deferred, c_max_new_partitions);
        RETURN NEXT v_out;
    END IF;

    IF v_cutoff IS NULL OR NOT (v_cutoff >= ANY (v_uppers)) THEN
        RETURN;
    END IF;

    -- The newest partition holding a row is never removed, however old. Newest first, each
    -- probe reads at most one row.
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
        v_out.action := p_policy.retention_action;
        v_out.day := (v_lowers[i] AT TIME ZONE 'UTC')::date;
        v_out.partition_name := v_names[i];
        EXECUTE format('SELECT count(*) FROM %s', v_parts[i]) INTO v_out.rows_affected;
        v_out.detail := format('with %s rows, wholly older than %s', v_out.rows_affected, v_cutoff);
        RETURN NEXT v_out;
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer) IS
    'The actions a maintenance run would take for one partitioned table at a reference time (reads, changes nothing)';

-- ---------------------------------------------------------------------------------------
-- archive_rows: rows waiting in the default partition for a day past retention leave it,
-- deleted (retention drops) or appended to the day's archive table (retention detaches).
-- A plain DELETE from the default partition: writers of the parent never wait for it.
-- At most p_limit rows per call; returns how many moved.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.archive_rows(
    p_policy  maintenance.policy,
    p_day     date,
    p_archive text,
    p_limit   bigint
)
RETURNS TABLE (rows_moved bigint, rows_duplicate bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_parent  regclass := p_policy.parent_table::regclass;
    v_schema  text := split_part(p_policy.parent_table, '.', 1);
    v_key     name := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    v_default regclass := (SELECT p.partition FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default);
    v_lower   timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    v_upper   timestamptz := (p_day + 1)::timestamp AT TIME ZONE 'UTC';
    v_archive regclass;
    v_columns text;
    v_moved   bigint;
    v_kept    bigint;
BEGIN
    v_columns := maintenance.insertable_columns(v_parent);
    IF p_policy.retention_action = 'drop' THEN
        EXECUTE format('DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$I >= $1 AND %2$I < $2 LIMIT $3))',
                       v_default, v_key)
          USING v_lower, v_upper, p_limit;
        GET DIAGNOSTICS v_moved = ROW_COUNT;
        rows_moved := v_moved;
        rows_duplicate := 0;
        RETURN NEXT;
        RETURN;
    END IF;

    v_archive := to_regclass(format('%I.%I', v_schema, p_archive));
    IF v_archive IS NULL THEN
        -- The day's archive, shaped like the partition retention would have detached.
        EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
                       v_schema, p_archive, v_parent);
        v_archive := format('%I.%I', v_schema, p_archive)::regclass;
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%I >= %L AND %I < %L)',
                       v_archive, p_archive || '_day', v_key, v_lower, v_key, v_upper);
        PERFORM maintenance.make_read_only_archive(v_archive);
    ELSIF EXISTS (SELECT FROM pg_inherits AS i WHERE i.inhrelid = v_archive) THEN
        RAISE EXCEPTION 'archive of % for %: % is attached to a partitioned table, not an archive', p_policy.parent_table, p_day, v_archive;
    END IF;
    -- A row whose natural key the archive already holds was sent twice: ingestion is
    -- idempotent (ON CONFLICT DO NOTHING), so is archiving; such rows are counted.
    EXECUTE format(
        'WITH moved AS (DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$I >= $1 AND %2$I < $2 LIMIT $3)) RETURNING *),'
        '     kept AS (INSERT INTO %3$s (%4$s) OVERRIDING SYSTEM VALUE SELECT %4$s FROM moved ON CONFLICT DO NOTHING RETURNING 1)'
        ' SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM kept)',
        v_default, v_key, v_archive, v_columns)
       INTO v_moved, v_kept
      USING v_lower, v_upper, p_limit;
    rows_moved := v_moved;
    rows_duplicate := v_moved - v_kept;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION maintenance.archive_rows(maintenance.policy, date, text, bigint) IS
    'Moves rows for a day past retention out of the default partition: deleted, or into the day''s archive (internal)';

-- ---------------------------------------------------------------------------------------
-- rescue_day: under the parent's ACCESS EXCLUSIVE lock, a day's rows leave the default
-- partition for a temporary table, the day's partition is created (PostgreSQL requires the
-- default partition to hold none of its rows), and they go back in through the parent. One
-- transaction: all of it or none of it. Returns the rows moved.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.rescue_day(p_parent regclass, p_partition text, p_day date)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_schema   text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_key      name := (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k);
    v_default  regclass := (SELECT p.partition FROM maintenance.partitions_of(p_parent) AS p WHERE p.is_default);
    v_lower    timestamptz := p_day::timestamp AT TIME ZONE 'UTC';
    v_upper    timestamptz := (p_day + 1)::timestamp AT TIME ZONE 'UTC';
    v_columns  text;
    v_moved    bigint;
    v_inserted bigint;
BEGIN
    v_columns := maintenance.insertable_columns(p_parent);
    EXECUTE format(
        'CREATE TEMP TABLE marketdb_rescue ON COMMIT DROP AS '
        'WITH moved AS (DELETE FROM %1$s WHERE %2$I >= %3$L AND %2$I < %4$L RETURNING *) SELECT * FROM moved',
        v_default, v_key, v_lower, v_upper);
    SELECT count(*) INTO v_moved FROM marketdb_rescue;
    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', v_schema, p_partition, p_parent, v_lower, v_upper);
    -- OVERRIDING SYSTEM VALUE: a GENERATED ALWAYS identity keeps the values the rows had.
    EXECUTE format('INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM marketdb_rescue', p_parent, v_columns);
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    IF v_inserted <> v_moved THEN
        RAISE EXCEPTION 'rescue of % for %: moved % rows but inserted %', p_parent, p_day, v_moved, v_inserted;
    END IF;
    DROP TABLE marketdb_rescue;
    RETURN v_moved;
END
$function$;

COMMENT ON FUNCTION maintenance.rescue_day(regclass, text, date) IS
    'Creates a day''s partition, moving that day''s rows out of the default partition into it (internal)';

-- ---------------------------------------------------------------------------------------
-- Online rescue. Moving a day's rows out of the default partition under the parent's
-- ACCESS EXCLUSIVE lock would make every writer wait as long as the move takes. Instead,
-- like pg_repack:
--   1. maintenance.prepare_rescue (its own transaction, before the run) puts a trigger on
--      the default partition that logs every change to it (capture_change); the SHARE ROW
--      EXCLUSIVE lock it takes waits for every earlier writer of the default to finish, so
--      from its commit on, every change is either in a later snapshot or in the log;
--   2. the run copies each rescued day, and everything else, from the default partition into
--      new tables shaped like partitions (stage_rows), with no lock writers wait for;
--   3. it replays the log onto those tables (apply_captured), until little is left;
--   4. under the parent's ACCESS EXCLUSIVE lock it replays the rest, detaches the default
--      partition, attaches the day tables (a CHECK on each spares the validation scan) and
--      the copy of everything else as the new default, and drops the old one with its log.
-- One transaction: readers see the old default partition until the commit, the new
-- partitions after it; never both, never neither.
-- ---------------------------------------------------------------------------------------

-- The log table of a default partition's capture, if one is installed.
CREATE FUNCTION maintenance.capture_log(p_default regclass)
RETURNS regclass
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT to_regclass(format('maintenance.%I', 'rescue_log_' || p_default::oid))
     WHERE EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture')
$function$;

COMMENT ON FUNCTION maintenance.capture_log(regclass) IS
    'The log table of the changes to a default partition, NULL when no capture is installed (internal)';

-- The trigger: one log row per row image, D for the old one, I for the new one. SECURITY
-- DEFINER: the writer has no right on the log. extra_float_digits: exact float copies.
CREATE FUNCTION maintenance.capture_change()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET extra_float_digits = 3
AS $function$
DECLARE
    v_insert text := format('INSERT INTO maintenance.%I SELECT $1, ($2).*', 'rescue_log_' || TG_RELID);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE v_insert USING 'D'::"char", OLD;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE v_insert USING 'I'::"char", NEW;
    END IF;
    RETURN NULL;
END
$function$;

COMMENT ON FUNCTION maintenance.capture_change() IS
    'Trigger on a default partition while its rows wait for a rescue: logs every change (internal)';

-- Installs or removes the capture of a default partition. The caller holds SHARE ROW
-- EXCLUSIVE on it (maintenance.prepare_rescue).
CREATE FUNCTION maintenance.set_capture(p_default regclass, p_on boolean)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_log text := format('maintenance.%I', 'rescue_log_' || p_default::oid);
BEGIN
    IF EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture') THEN
        EXECUTE format('DROP TRIGGER marketdb_rescue_capture ON %s', p_default);
    END IF;
    IF to_regclass(v_log) IS NOT NULL THEN
        EXECUTE format('DROP TABLE %s', v_log);
    END IF;
    IF p_on THEN
        -- The default partition's columns, in its own order (the trigger logs its row type).
        EXECUTE format('CREATE TABLE %s (marketdb_op "char" NOT NULL, LIKE %s,'
                       ' marketdb_seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
                       ' marketdb_xid xid8 NOT NULL DEFAULT pg_current_xact_id())', v_log, p_default);
        -- The trigger writes it as the owner, whoever installed it (a superuser in tests).
        EXECUTE format('ALTER TABLE %s OWNER TO marketdb_owner', v_log);
        EXECUTE format('CREATE INDEX ON %s (marketdb_xid)', v_log);
        EXECUTE format('CREATE TRIGGER marketdb_rescue_capture AFTER INSERT OR UPDATE OR DELETE ON %s'
                       ' FOR EACH ROW EXECUTE FUNCTION maintenance.capture_change()', p_default);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.set_capture(regclass, boolean) IS
    'Installs (true) or removes (false) the change capture of a default partition (internal)';

-- Which rows a stage takes: a day, or (p_day NULL) every row of no rescued day. The day's
-- form is also its stage's CHECK: it implies the partition constraint PostgreSQL would
-- otherwise validate by reading every row under the lock (IS NOT NULL included).
CREATE FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[])
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
    SELECT CASE WHEN p_day IS NOT NULL
                THEN format('%1$I IS NOT NULL AND %1$I >= %2$L::timestamptz AND %1$I < %3$L::timestamptz', p_key,
                            p_day::timestamp AT TIME ZONE 'UTC', (p_day + 1)::timestamp AT TIME ZONE 'UTC')
                ELSE format('NOT coalesce((%1$I AT TIME ZONE ''UTC'')::date = ANY (%2$L::date[]), false)', p_key, p_rescued)
           END
$function$;

COMMENT ON FUNCTION maintenance.stage_predicate(name, date, date[]) IS
    'The rows of a default partition a rescue stage holds (internal)';

-- "Row s equals row r" over the copied columns; = where the column cannot be NULL (so an
-- index can serve it), IS NOT DISTINCT FROM otherwise, text for types without =.
CREATE FUNCTION maintenance.row_match(p_table regclass)
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT string_agg(
               CASE WHEN NOT has_eq THEN format('s.%1$I::text IS NOT DISTINCT FROM r.%1$I::text', a.attname)
                    WHEN a.attnotnull THEN format('s.%1$I = r.%1$I', a.attname)
                    ELSE format('s.%1$I IS NOT DISTINCT FROM r.%1$I', a.attname) END,
               ' AND ' ORDER BY a.attnum)
      FROM pg_attribute AS a
     CROSS JOIN LATERAL (SELECT EXISTS (SELECT FROM pg_operator AS o
                                         WHERE o.oprname = '=' AND o.oprleft = a.atttypid AND o.oprright = a.atttypid) AS has_eq) AS e
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
$function$;

COMMENT ON FUNCTION maintenance.row_match(regclass) IS
    'Join condition matching a row s to a row r of the same columns (internal)';

-- A stage: a new table shaped like the partitions (a CHECK of its day when it holds one),
-- filled from the default partition in one statement. Returns that statement's snapshot:
-- logged changes it did not see are replayed later.
CREATE FUNCTION maintenance.stage_rows(
    p_parent  regclass,
    p_default regclass,
    p_name    text,
    p_day     date,
    p_rescued date[]
)
RETURNS TABLE (stage regclass, rows_copied bigint, snap pg_snapshot)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_schema  text := (SELECT n.nspname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE c.oid = p_parent);
    v_key     name := (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k);
    v_columns text := maintenance.insertable_columns(p_parent);
BEGIN
    EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING INDEXES)',
                   v_schema, p_name, p_parent);
    stage := format('%I.%I', v_schema, p_name)::regclass;
    IF p_day IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT marketdb_rescue_range CHECK (%s)',
                       stage, maintenance.stage_predicate(v_key, p_day, NULL));
    END IF;
    EXECUTE format('WITH copied AS (INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM %3$s WHERE %4$s RETURNING 1)'
                   ' SELECT count(*), pg_current_snapshot() FROM copied',
                   stage, v_columns, p_default, maintenance.stage_predicate(v_key, p_day, p_rescued))
       INTO rows_copied, snap;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION maintenance.stage_rows(regclass, regclass, text, date, date[]) IS
    'Copies a day''s rows (or all other rows) of a default partition into a new table, with the snapshot it saw (internal)';

-- Replays onto a stage the logged changes of its rows that committed after p_since and (when
-- p_until is given) before p_until, in the order they were made. Returns rows added and
-- removed. A removal that finds no row means the copy and the log disagree: it raises, and
-- the table's run is rolled back with nothing moved.
CREATE FUNCTION maintenance.apply_captured(
    p_log     regclass,
    p_stage   regclass,
    p_key     name,
    p_day     date,
    p_rescued date[],
    p_since   pg_snapshot,
    p_until   pg_snapshot
)
RETURNS TABLE (rows_added bigint, rows_removed bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
DECLARE
    v_columns text := maintenance.insertable_columns(p_stage);
    v_match   text := maintenance.row_match(p_stage);
    v_entry   record;
    v_n       bigint;
BEGIN
    rows_added := 0;
    rows_removed := 0;
    FOR v_entry IN EXECUTE format(
        'SELECT l.marketdb_seq AS seq, l.marketdb_op AS op FROM %1$s AS l'
        ' WHERE l.marketdb_xid >= pg_snapshot_xmin($1) AND NOT pg_visible_in_snapshot(l.marketdb_xid, $1)'
        '   AND ($2::pg_snapshot IS NULL OR pg_visible_in_snapshot(l.marketdb_xid, $2))'
        '   AND l.marketdb_xid IS DISTINCT FROM pg_current_xact_id_if_assigned()'
        '   AND (%2$s)'
        ' ORDER BY l.marketdb_seq',
        p_log, maintenance.stage_predicate(p_key, p_day, p_rescued))
      USING p_since, p_until
    LOOP
        IF v_entry.op = 'D' THEN
            EXECUTE format('DELETE FROM %1$s AS t WHERE t.ctid = (SELECT s.ctid FROM %1$s AS s, %2$s AS r'
                           ' WHERE r.marketdb_seq = $1 AND %3$s LIMIT 1)', p_stage, p_log, v_match)
              USING v_entry.seq;
            GET DIAGNOSTICS v_n = ROW_COUNT;
            IF v_n <> 1 THEN
                RAISE EXCEPTION 'rescue into %: logged change % removes a row the copy does not hold', p_stage, v_entry.seq;
            END IF;
            rows_removed := rows_removed + 1;
        ELSE
            EXECUTE format('INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM %3$s WHERE marketdb_seq = $1',
                           p_stage, v_columns, p_log)
              USING v_entry.seq;
            rows_added := rows_added + 1;
        END IF;
    END LOOP;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION maintenance.apply_captured(regclass, regclass, name, date, date[], pg_snapshot, pg_snapshot) IS
    'Replays logged changes of a default partition onto a rescue stage (internal)';

-- An archive is history: the writer may not add to it, change it or empty it.
CREATE FUNCTION maintenance.make_read_only_archive(p_table regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', p_table);
END
$function$;

COMMENT ON FUNCTION maintenance.make_read_only_archive(regclass) IS
    'Takes the writer''s INSERT, UPDATE, DELETE and TRUNCATE away from a detached or archive table (internal)';

-- A table of a day's partition name exists only if the day's archive was kept and its
-- retention later lengthened; the new partition gets a suffix rather than taking it.
CREATE FUNCTION maintenance.free_partition_name(p_schema text, p_name text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_name text := p_name;
BEGIN
    FOR suffix IN 1 .. 9 LOOP
        EXIT WHEN to_regclass(format('%I.%I', p_schema, v_name)) IS NULL;
        v_name := format('%s_r%s', p_name, suffix);
    END LOOP;
    RETURN v_name;
END
$function$;

COMMENT ON FUNCTION maintenance.free_partition_name(text, text) IS
    'A day''s partition name, suffixed _r1.._r9 when an archive holds the plain one (internal)';

-- ---------------------------------------------------------------------------------------
-- maintain_partitioned: applies one policy. Called by maintenance.run_policies, which holds
-- the policy's row lock and logs the run.
--
-- The plan is made first, without any lock writers wait for. Rows for days past retention
-- leave the default partition by plain DML, and days to rescue are copied out of it with
-- their logged changes (see "Online rescue"): writers do not wait for either. Only then does
-- the run take ACCESS EXCLUSIVE on the parent (lock_timeout 1 s, three attempts) for what
-- must be done under it: the last logged changes, swapping the default partition, create,
-- detach, drop. Nothing under it grows with the rows rescued; the rows that stay in the
-- default partition (outside the window, or left for a later run) are read once, by
-- PostgreSQL's check when a partition is attached or created beside a default.
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
    v_rescued  date[] := '{}';
    v_st_day   date[] := '{}';
    v_st_name  text[] := '{}';
    v_st_table regclass[] := '{}';
    v_st_rows  bigint[] := '{}';
    v_st_snap  pg_snapshot[] := '{}';
    v_st_replay bigint[] := '{}';
    v_ix_parent oid[];
    v_ix_name  text[];
    v_index    record;
BEGIN
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
    v_default := (SELECT p.partition FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default);
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
            v_rescued := '{}';
        END IF;
    END IF;
    IF cardinality(v_rescued) > 0 THEN
        FOREACH v_step IN ARRAY v_plan LOOP
            CONTINUE WHEN v_step.action <> 'rescue';
            v_name := maintenance.free_partition_name(v_schema, v_step.partition_name);
            SELECT * INTO v_staged FROM maintenance.stage_rows(v_parent, v_default, v_name, v_step.day, v_rescued);
            v_st_day := v_st_day || v_step.day;
            v_st_name := v_st_name || v_name;
            v_st_table := v_st_table || v_staged.stage;
            v_st_rows := v_st_rows || v_staged.rows_copied;
            v_st_snap := v_st_snap || v_staged.snap;
            v_st_replay := v_st_replay || 0::bigint;
        END LOOP;
        SELECT * INTO v_staged FROM maintenance.stage_rows(v_parent, v_default, format('rescue_rest_%s', v_parent::oid), NULL, v_rescued);
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

    IF NOT EXISTS (SELECT FROM unnest(v_plan) AS s WHERE s.action IN ('create', 'drop', 'detach'))
       AND cardinality(v_rescued) = 0 THEN
        RETURN;
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

    FOREACH v_step IN ARRAY v_plan LOOP
        CONTINUE WHEN v_step.action NOT IN ('create', 'drop', 'detach');
        v_name := v_step.partition_name;
        BEGIN
            IF v_step.action = 'create' THEN
                v_name := maintenance.free_partition_name(v_schema, v_step.partition_name);
                BEGIN
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', v_schema, v_name, v_parent,
                                   v_step.day::timestamp AT TIME ZONE 'UTC', (v_step.day + 1)::timestamp AT TIME ZONE 'UTC');
                    v_result := (p_policy.parent_table, 'create', v_name, 0, format('for %s', v_step.day));
                EXCEPTION WHEN check_violation THEN
                    -- Rows for the day reached the default partition after the plan was made:
                    -- a few, moved under the lock; a later run would find them otherwise.
                    v_moved := maintenance.rescue_day(v_parent, v_name, v_step.day);
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

-- partitions_of and execute_with_lock_retry stay as v0.1.0 made them.
REVOKE EXECUTE ON FUNCTION maintenance.partition_plan(maintenance.policy, timestamptz, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.archive_rows(maintenance.policy, date, text, bigint) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.make_read_only_archive(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.rescue_day(regclass, text, date) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.capture_log(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.capture_change() FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.set_capture(regclass, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.stage_predicate(name, date, date[]) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.row_match(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.stage_rows(regclass, regclass, text, date, date[]) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.apply_captured(regclass, regclass, name, date, date[], pg_snapshot, pg_snapshot) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.free_partition_name(text, text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer) FROM marketdb_maintainer;

COMMIT;
