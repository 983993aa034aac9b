-- FUNCTION: register_partitioned_table(text, integer, interval, text, interval)
CREATE FUNCTION maintenance.register_partitioned_table(p_parent_table text, p_premake_days integer DEFAULT 7, p_retention interval DEFAULT NULL::interval, p_retention_action text DEFAULT 'drop'::text, p_partition_interval interval DEFAULT '1 day'::interval) RETURNS maintenance.policy
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_parent    regclass := v_canonical::regclass;
    v_key       record;
    v_policy    maintenance.policy;
    v_action    maintenance.action;
BEGIN
    IF EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_parent_table: % is already registered', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'change its policy with UPDATE maintenance.policy';
    END IF;
    PERFORM maintenance.require_owned('p_parent_table', v_canonical);
    SELECT * INTO v_key FROM maintenance.partition_key(v_parent);
    IF v_key.column_name IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % is not partitioned by RANGE on one column', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'declare it with PARTITION BY RANGE (ts)';
    END IF;
    IF v_key.column_type <> 'timestamptz'::regtype THEN
        RAISE EXCEPTION 'p_parent_table: % is partitioned on a % column, daily partitions need timestamptz', v_canonical, v_key.column_type
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Without a default partition an insert for a day with no partition fails; with one it
    -- lands there and the maintenance run moves it out.
    IF NOT EXISTS (SELECT FROM maintenance.partitions_of(v_parent) AS p WHERE p.is_default) THEN
        RAISE EXCEPTION 'p_parent_table: % has no default partition', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = format('CREATE TABLE %s_default PARTITION OF %s DEFAULT', v_canonical, v_canonical);
    END IF;
    -- Partitions are named <table>_pYYYYMMDD (and _rN when that name is taken): the longest
    -- must fit PostgreSQL's 63-byte identifiers, or names would be cut and collide.
    IF octet_length(split_part(v_canonical, '.', 2) || '_p20260101_r9') > 63 THEN
        RAISE EXCEPTION 'p_parent_table: the name of % is too long: its partitions'' names (%_pYYYYMMDD) would exceed 63 bytes',
                v_canonical, split_part(v_canonical, '.', 2)
            USING ERRCODE = 'invalid_parameter_value', HINT = 'use a table name of at most 50 bytes';
    END IF;
    PERFORM maintenance.require_premake('p_premake_days', p_premake_days);
    IF p_partition_interval IS DISTINCT FROM interval '1 day' THEN
        RAISE EXCEPTION 'p_partition_interval: partitioned tables support only 1 day, got %', coalesce(p_partition_interval::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM maintenance.require_retention('p_retention', p_retention);
    IF p_retention_action IS NULL OR p_retention_action NOT IN ('drop', 'detach') THEN
        RAISE EXCEPTION 'p_retention_action must be drop or detach, got %', coalesce(p_retention_action, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO maintenance.policy (parent_table, kind, partition_interval, premake_days, retention, retention_action)
    VALUES (v_canonical, 'partitioned', p_partition_interval, p_premake_days, p_retention, p_retention_action)
    RETURNING * INTO v_policy;

    FOR v_action IN SELECT * FROM maintenance.run_policies(ARRAY[v_canonical], v_canonical, now(), false, NULL) LOOP
        IF v_action.action NOT IN ('create', 'rescue', 'noop', 'deferred') THEN
            RAISE EXCEPTION 'registering %: the first maintenance run reported % (%)', v_canonical, v_action.action, v_action.detail;
        END IF;
    END LOOP;
    SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_canonical;
    RETURN v_policy;
END
$$;


ALTER FUNCTION maintenance.register_partitioned_table(p_parent_table text, p_premake_days integer, p_retention interval, p_retention_action text, p_partition_interval interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION register_partitioned_table(p_parent_table text, p_premake_days integer, p_retention interval, p_retention_action text, p_partition_interval interval)
COMMENT ON FUNCTION maintenance.register_partitioned_table(p_parent_table text, p_premake_days integer, p_retention interval, p_retention_action text, p_partition_interval interval) IS 'Registers a daily-partitioned table (RANGE on timestamptz, with a default partition) for maintenance';
-- ACL: FUNCTION register_partitioned_table(p_parent_table text, p_premake_days integer, p_retention interval, p_retention_action text, p_partition_interval interval)
REVOKE ALL ON FUNCTION maintenance.register_partitioned_table(p_parent_table text, p_premake_days integer, p_retention interval, p_retention_action text, p_partition_interval interval) FROM PUBLIC;
