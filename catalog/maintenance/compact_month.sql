-- FUNCTION: compact_month(maintenance.policy, date, text)
CREATE FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text) RETURNS maintenance.action
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    SET lock_timeout TO '1s'
    AS $_$
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
$_$;


ALTER FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION compact_month(p_policy maintenance.policy, p_month date, p_name text)
COMMENT ON FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text) IS 'Merges the daily partitions of one UTC month, their changes captured, into one partition, in the caller''s transaction (internal)';
-- ACL: FUNCTION compact_month(p_policy maintenance.policy, p_month date, p_name text)
REVOKE ALL ON FUNCTION maintenance.compact_month(p_policy maintenance.policy, p_month date, p_name text) FROM PUBLIC;
