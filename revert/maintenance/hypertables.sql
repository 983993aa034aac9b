-- Revert marketdb:maintenance/hypertables from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Back to v0.1.0's register_hypertable.
-- ---------------------------------------------------------------------------------------
-- register_hypertable: a hypertable enters the registry (retention only: chunks are made by
-- inserts, so there is nothing to premake).
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.register_hypertable(
    p_hypertable text,
    p_retention  interval DEFAULT NULL
)
RETURNS maintenance.policy
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.resolve_table(p_hypertable);
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
    IF (SELECT c.relowner FROM pg_class AS c WHERE c.oid = v_canonical::regclass) <> 'marketdb_owner'::regrole THEN
        RAISE EXCEPTION 'p_hypertable: % is not owned by marketdb_owner, so maintenance could not manage it', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = format('ALTER TABLE %s OWNER TO marketdb_owner', v_canonical);
    END IF;
    IF p_retention <= interval '0' THEN
        RAISE EXCEPTION 'p_retention must be positive or NULL (keep everything), got %', p_retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO maintenance.policy (parent_table, kind, partition_interval, premake_days, retention, retention_action)
    VALUES (v_canonical, 'hypertable', v_dimension.time_interval, 0, p_retention, 'drop')
    RETURNING * INTO v_policy;
    RETURN v_policy;
END
$function$;

COMMENT ON FUNCTION maintenance.register_hypertable(text, interval) IS
    'Registers a hypertable (time dimension timestamptz or date, owned by marketdb_owner) for retention by maintenance';

REVOKE EXECUTE ON FUNCTION maintenance.register_hypertable(text, interval) FROM marketdb_maintainer;

COMMIT;
