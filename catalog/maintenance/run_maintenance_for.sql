-- FUNCTION: run_maintenance_for(text, timestamp with time zone, boolean, integer)
CREATE FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false, p_premake_days integer DEFAULT NULL::integer) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_kind      text := (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical);
BEGIN
    IF v_kind IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF p_premake_days IS NOT NULL THEN
        IF v_kind = 'hypertable' THEN
            RAISE EXCEPTION 'p_premake_days: % is a hypertable, whose chunks are made by inserts; pass NULL', v_canonical
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM maintenance.require_premake('p_premake_days', p_premake_days);
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY[v_canonical], v_canonical, p_reference_time, p_dry_run, p_premake_days);
END
$$;


ALTER FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer)
COMMENT ON FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) IS 'Applies one table''s policy (enabled or not) at the server''s time, or dry-runs it at another; one row per action';
-- ACL: FUNCTION run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer)
REVOKE ALL ON FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.run_maintenance_for(p_parent_table text, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) TO marketdb_maintainer;
