-- Revert marketdb:maintenance/partition_plan from pg

-- maintenance.partition_plan as maintenance/partition_plan@v0.2.0 deployed it.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- partition_plan: what a run would do for one policy at a reference time, from the catalog,
-- the clock and one read of the default partition. It runs before the run takes any lock
-- that writers wait for (so the reads below never make a writer wait): the default
-- partition's rows per day, and the rows of partitions past retention, counted for the
-- report.
--
--   create          a day from reference day - 7 (or from the oldest kept partition, or
--                   reference day - 1, when later) through reference day + premake that no
--                   partition covers (gaps near the clock are filled); an older empty day
--                   gets none: a row for it is rescued into its day's partition, so one
--                   old row costs one partition, never every day since;
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
CREATE OR REPLACE FUNCTION maintenance.partition_plan(
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
    c_gap_fill_days      constant integer := 7;     -- empty days before the reference day filled
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

    -- Gaps are filled from the oldest day that will be kept (an existing partition or a day
    -- about to be rescued, unless retention is about to remove it), but never from earlier
    -- than a week before the reference day: a lone old row is not a reason to make every
    -- day since (one trade at 2018-01-01 planned 3,195 days).
    SELECT min(kept.day) INTO v_oldest_kept
      FROM (SELECT (pp.lower_bound AT TIME ZONE 'UTC')::date AS day, pp.upper_bound
              FROM unnest(v_lowers, v_uppers) AS pp(lower_bound, upper_bound)
            UNION ALL
            SELECT dd.day, (dd.day + 1)::timestamp AT TIME ZONE 'UTC'
              FROM unnest(v_dd_days) AS dd(day)) AS kept
     WHERE (v_cutoff IS NULL OR kept.upper_bound > v_cutoff) AND kept.day >= v_window_from;
    v_from := greatest(least(v_ref_day - 1, v_oldest_kept), v_ref_day - c_gap_fill_days);

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
        v_out.detail := format('%s rows in the default partition from %s to %s are outside the days maintenance makes partitions for (%s to %s); they stay there and hold back only their own month; correct or delete them (the owner can)',
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

COMMIT;
