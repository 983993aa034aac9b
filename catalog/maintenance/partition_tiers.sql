-- FUNCTION: partition_tiers(timestamp with time zone)
CREATE FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone DEFAULT now()) RETURNS TABLE(parent_table text, daily_partitions integer, monthly_partitions integer, other_partitions integer, compact_after interval, months_due integer, oldest_daily date)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $$
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
$$;


ALTER FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION partition_tiers(p_reference_time timestamp with time zone)
COMMENT ON FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone) IS 'Per partitioned table: daily and monthly partitions, compaction age, months due for merging';
-- ACL: FUNCTION partition_tiers(p_reference_time timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone) TO marketdb_maintainer;
GRANT ALL ON FUNCTION maintenance.partition_tiers(p_reference_time timestamp with time zone) TO marketdb_reader;
