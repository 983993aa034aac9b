-- FUNCTION: partition_status(timestamp with time zone)
CREATE FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone DEFAULT now()) RETURNS TABLE(parent_table text, kind text, enabled boolean, partitions integer, oldest_day date, newest_day date, rows_in_default bigint, oldest_in_default text, newest_in_default text, premake_days integer, retention interval, retention_action text, next_retention_cutoff timestamp with time zone, last_outcome text, last_success_at timestamp with time zone, overdue boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
DECLARE
    c_overdue_after constant interval := interval '3 hours';
    v_policy  maintenance.policy;
    v_default regclass;
    v_key     name;
BEGIN
    PERFORM maintenance.require_finite_time('p_reference_time', p_reference_time);
    FOR v_policy IN SELECT * FROM maintenance.policy AS p ORDER BY p.parent_table LOOP
        parent_table := v_policy.parent_table;
        kind := v_policy.kind;
        enabled := v_policy.enabled;
        premake_days := v_policy.premake_days;
        retention := v_policy.retention;
        retention_action := v_policy.retention_action;
        next_retention_cutoff := p_reference_time - v_policy.retention;
        last_outcome := v_policy.last_outcome;
        last_success_at := v_policy.last_success_at;
        overdue := v_policy.enabled AND (v_policy.last_success_at IS NULL OR v_policy.last_success_at < p_reference_time - c_overdue_after);
        rows_in_default := NULL;
        oldest_in_default := NULL;
        newest_in_default := NULL;
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
            v_default := (SELECT p.partition FROM maintenance.partitions_of(v_policy.parent_table::regclass) AS p WHERE p.is_default);
            v_key := (SELECT k.column_name FROM maintenance.partition_key(v_policy.parent_table::regclass) AS k);
            IF v_default IS NOT NULL THEN
                EXECUTE format('SELECT count(*), min(%1$I)::text, max(%1$I)::text FROM %2$s', v_key, v_default)
                   INTO rows_in_default, oldest_in_default, newest_in_default;
            END IF;
        END IF;
        RETURN NEXT;
    END LOOP;
END
$_$;


ALTER FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION partition_status(p_reference_time timestamp with time zone)
COMMENT ON FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone) IS 'Per managed table: partitions, rows waiting in the default partition, next retention cut-off, last success, overdue';
-- ACL: FUNCTION partition_status(p_reference_time timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone) TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.partition_status(p_reference_time timestamp with time zone) TO marketdb_reader;
