-- FUNCTION: refuse_past_horizon()
CREATE FUNCTION maintenance.refuse_past_horizon() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_parent  regclass := (SELECT i.inhparent FROM pg_inherits AS i WHERE i.inhrelid = TG_RELID);
    v_policy  maintenance.policy;
    v_key     name;
    v_value   timestamptz;
    v_horizon timestamptz;
BEGIN
    SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_parent::text;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_key := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    EXECUTE format('SELECT ($1).%I', v_key) INTO v_value USING NEW;
    v_horizon := maintenance.horizon_of(v_policy, now());
    -- The WHEN used the days of the policy when the trigger was made; the policy decides.
    IF v_value >= v_horizon THEN
        RAISE EXCEPTION 'new row for relation "%" violates rule "%"', split_part(v_parent::text, '.', 2),
                        format('%s_%s_within_horizon', split_part(v_policy.parent_table, '.', 2), v_key)
            USING ERRCODE = 'check_violation',
                  DETAIL = format('%s %s is not before %s: partitions are made for days up to %s days ahead of the clock',
                                  v_key, v_value, v_horizon, greatest(v_policy.premake_days, 31)),
                  CONSTRAINT = format('%s_%s_within_horizon', split_part(v_policy.parent_table, '.', 2), v_key),
                  SCHEMA = split_part(v_policy.parent_table, '.', 1),
                  TABLE = split_part(v_policy.parent_table, '.', 2),
                  COLUMN = v_key;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION maintenance.refuse_past_horizon() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION refuse_past_horizon()
COMMENT ON FUNCTION maintenance.refuse_past_horizon() IS 'Trigger on a default partition: refuses a row dated past the days maintenance makes partitions for (internal)';
-- ACL: FUNCTION refuse_past_horizon()
REVOKE ALL ON FUNCTION maintenance.refuse_past_horizon() FROM PUBLIC;
