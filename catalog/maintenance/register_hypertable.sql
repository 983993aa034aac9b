-- FUNCTION: register_hypertable(text, interval)
CREATE FUNCTION maintenance.register_hypertable(p_hypertable text, p_retention interval DEFAULT NULL::interval) RETURNS maintenance.policy
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_hypertable', p_hypertable);
    v_dimension record;
    v_policy    maintenance.policy;
BEGIN
    SELECT d.column_name, d.column_type, d.time_interval INTO v_dimension
      FROM timescaledb_information.dimensions AS d
     WHERE format('%s.%s', d.hypertable_schema, d.hypertable_name) = v_canonical
       AND d.dimension_number = 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_hypertable: % is not a hypertable', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'create it with timescaledb.create_hypertable()';
    END IF;
    IF v_dimension.column_type NOT IN ('timestamptz'::regtype, 'date'::regtype) THEN
        RAISE EXCEPTION 'p_hypertable: % is partitioned on a % column, maintenance needs timestamptz or date', v_canonical, v_dimension.column_type
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_hypertable: % is already registered', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'change its policy with UPDATE maintenance.policy';
    END IF;
    PERFORM maintenance.require_owned('p_hypertable', v_canonical);
    PERFORM maintenance.require_retention('p_retention', p_retention);

    INSERT INTO maintenance.policy (parent_table, kind, partition_interval, premake_days, retention, retention_action)
    VALUES (v_canonical, 'hypertable', v_dimension.time_interval, 0, p_retention, 'drop')
    RETURNING * INTO v_policy;
    RETURN v_policy;
END
$$;


ALTER FUNCTION maintenance.register_hypertable(p_hypertable text, p_retention interval) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION register_hypertable(p_hypertable text, p_retention interval)
COMMENT ON FUNCTION maintenance.register_hypertable(p_hypertable text, p_retention interval) IS 'Registers a hypertable (time dimension timestamptz or date, owned by marketdb_owner) for retention by maintenance';
-- ACL: FUNCTION register_hypertable(p_hypertable text, p_retention interval)
REVOKE ALL ON FUNCTION maintenance.register_hypertable(p_hypertable text, p_retention interval) FROM PUBLIC;
