-- FUNCTION: compaction_plan(maintenance.policy, timestamp with time zone)
CREATE FUNCTION maintenance.compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone) RETURNS SETOF maintenance.plan_step
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
DECLARE
    v_parent  regclass := p_policy.parent_table::regclass;
    v_schema  text := split_part(p_policy.parent_table, '.', 1);
    v_table   text := split_part(p_policy.parent_table, '.', 2);
    v_default regclass;
    c_attach_scan_rows constant bigint := 10000;
    v_waiting date[] := '{}'::date[];
    v_default_rows bigint := 0;
    v_month   record;
    v_out     maintenance.plan_step;
BEGIN
    IF p_policy.kind <> 'partitioned' OR p_policy.compact_after IS NULL THEN
        RETURN;
    END IF;
    v_default := (SELECT nullif(t.partdefid, 0)::regclass FROM pg_partitioned_table AS t WHERE t.partrelid = v_parent);
    IF v_default IS NOT NULL THEN
        EXECUTE format('SELECT coalesce(array_agg(DISTINCT date_trunc(''month'', %1$I AT TIME ZONE ''UTC'')::date), ''{}''), count(*) FROM %2$s',
                       (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k), v_default)
           INTO v_waiting, v_default_rows;
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
        IF v_month.month = ANY (v_waiting) THEN
            v_out.action := 'deferred';
            v_out.detail := format('%s: rows of the month wait in the default partition %s; a run rescues them before the month is merged',
                                   to_char(v_month.month, 'YYYY-MM'), v_default);
        ELSIF v_default_rows > c_attach_scan_rows THEN
            v_out.action := 'deferred';
            v_out.detail := format('%s: %s rows wait in the default partition %s, more than an attach may read under the lock (%s); a run rescues them first',
                                   to_char(v_month.month, 'YYYY-MM'), v_default_rows, v_default, c_attach_scan_rows);
        ELSE
            v_out.action := 'compact';
            v_out.detail := format('%s: %s daily partitions (%s to %s) into %s',
                                   to_char(v_month.month, 'YYYY-MM'), v_month.days, v_month.first_day, v_month.last_day, v_out.partition_name);
        END IF;
        RETURN NEXT v_out;
    END LOOP;
END
$_$;


ALTER FUNCTION maintenance.compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone)
COMMENT ON FUNCTION maintenance.compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone) IS 'The months of daily partitions a run would merge at a reference time, oldest first (reads, changes nothing; internal)';
-- ACL: FUNCTION compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.compaction_plan(p_policy maintenance.policy, p_reference_time timestamp with time zone) FROM PUBLIC;
