-- FUNCTION: run_maintenance(timestamp with time zone, boolean)
CREATE FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    IF NOT p_dry_run THEN
        RAISE EXCEPTION 'p_dry_run: run_maintenance() maintains every table in one transaction, which can deadlock writers; only a dry run is allowed'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'CALL maintenance.run_all() commits table by table; `marketdb maintain` does the same';
    END IF;
    RETURN QUERY
    SELECT * FROM maintenance.run_policies(ARRAY(SELECT maintenance.enabled_tables()), NULL, p_reference_time, true, NULL);
END
$$;


ALTER FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean)
COMMENT ON FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean) IS 'Dry run of every enabled policy at a reference time; one row per action (real runs: CALL maintenance.run_all())';
-- ACL: FUNCTION run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean)
REVOKE ALL ON FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION maintenance.run_maintenance(p_reference_time timestamp with time zone, p_dry_run boolean) TO marketdb_maintainer;
