-- FUNCTION: guard_default(regclass)
CREATE FUNCTION maintenance.guard_default(p_parent regclass) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET lock_timeout TO '50ms'
    AS $$
DECLARE
    -- Runs at every run for every table: read the default from pg_partitioned_table, not
    -- from partitions_of, which deparses every partition's bound.
    v_default regclass := (SELECT nullif(t.partdefid, 0) FROM pg_partitioned_table AS t WHERE t.partrelid = p_parent);
    v_days    integer := (SELECT greatest(p.premake_days, 31) + 1 FROM maintenance.policy AS p WHERE p.parent_table = p_parent::text);
    v_args    bytea;
BEGIN
    IF v_default IS NULL OR v_days IS NULL THEN
        RETURN false;
    END IF;
    SELECT t.tgargs INTO v_args FROM pg_trigger AS t WHERE t.tgrelid = v_default AND t.tgname = 'marketdb_horizon';
    IF v_args = convert_to(v_days::text, 'UTF8') || '\x00'::bytea THEN  -- tgargs: each argument NUL-terminated
        RETURN true;
    END IF;
    BEGIN
        IF v_args IS NOT NULL THEN
            EXECUTE format('DROP TRIGGER marketdb_horizon ON %s', v_default);
        END IF;
        EXECUTE maintenance.horizon_trigger(v_default, (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k), v_days);
    EXCEPTION WHEN lock_not_available THEN
        RETURN false;
    END;
    RETURN true;
END
$$;


ALTER FUNCTION maintenance.guard_default(p_parent regclass) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION guard_default(p_parent regclass)
COMMENT ON FUNCTION maintenance.guard_default(p_parent regclass) IS 'Puts the horizon rule on a registered table''s default partition if it lacks it; false when its lock was busy (internal)';
-- ACL: FUNCTION guard_default(p_parent regclass)
REVOKE ALL ON FUNCTION maintenance.guard_default(p_parent regclass) FROM PUBLIC;
