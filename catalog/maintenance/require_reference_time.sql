-- FUNCTION: require_reference_time(text, timestamp with time zone, boolean)
CREATE FUNCTION maintenance.require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c_run_window     constant interval := interval '1 hour';
    c_dry_run_window constant interval := interval '10 years';
BEGIN
    IF p_dry_run IS NULL THEN
        RAISE EXCEPTION 'p_dry_run must be true or false, not NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM maintenance.require_finite_time(p_argument, p_value);
    IF NOT p_dry_run AND abs(extract(epoch FROM p_value - now())) > extract(epoch FROM c_run_window) THEN
        RAISE EXCEPTION '%: % is more than % from the server''s clock (%); a run that changes anything works at the server''s time',
                p_argument, p_value, c_run_window, now()
            USING ERRCODE = 'invalid_parameter_value', HINT = 'use a dry run to see what a run at another time would do';
    END IF;
    IF p_dry_run AND abs(extract(epoch FROM p_value - now())) > extract(epoch FROM c_dry_run_window) THEN
        RAISE EXCEPTION '%: % is more than % from the server''s clock (%), even for a dry run',
                p_argument, p_value, c_dry_run_window, now()
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;


ALTER FUNCTION maintenance.require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean)
COMMENT ON FUNCTION maintenance.require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean) IS 'A run''s reference time: finite, within 1 hour of now() (10 years for a dry run) (internal)';
-- ACL: FUNCTION require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean)
REVOKE ALL ON FUNCTION maintenance.require_reference_time(p_argument text, p_value timestamp with time zone, p_dry_run boolean) FROM PUBLIC;
