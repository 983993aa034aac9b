-- FUNCTION: horizon_of(maintenance.policy, timestamp with time zone)
CREATE FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT (((p_time AT TIME ZONE 'UTC')::date + greatest(p_policy.premake_days, 31) + 1)::timestamp AT TIME ZONE 'UTC')
$$;


ALTER FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamp with time zone) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION horizon_of(p_policy maintenance.policy, p_time timestamp with time zone)
COMMENT ON FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamp with time zone) IS 'Where the days maintenance makes partitions for end at a time: reference day + greatest(premake, 31) + 1, UTC (internal)';
-- ACL: FUNCTION horizon_of(p_policy maintenance.policy, p_time timestamp with time zone)
REVOKE ALL ON FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamp with time zone) FROM PUBLIC;
