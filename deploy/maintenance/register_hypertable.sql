-- Deploy marketdb:maintenance/register_hypertable to pg
-- requires: maintenance/register
-- adopted from: maintenance/register

-- maintenance.register_hypertable as maintenance/register left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/register_hypertable`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- register_hypertable: a hypertable enters the registry (retention only: chunks are made by
-- inserts, so there is nothing to premake).
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.register_hypertable(p_hypertable text, p_retention interval DEFAULT NULL::interval)
 RETURNS maintenance.policy
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;

COMMENT ON FUNCTION maintenance.register_hypertable(text,interval) IS
    'Registers a hypertable (time dimension timestamptz or date, owned by marketdb_owner) for retention by maintenance';

REVOKE ALL ON FUNCTION maintenance.register_hypertable(text,interval) FROM PUBLIC;

COMMIT;
