-- FUNCTION: horizon_trigger(regclass, name, integer)
CREATE FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    SELECT format('CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF %1$I ON %2$s FOR EACH ROW'
                  ' WHEN (NEW.%1$I >= (((now() AT TIME ZONE ''UTC'')::date + %3$s)::timestamp AT TIME ZONE ''UTC''))'
                  ' EXECUTE FUNCTION maintenance.refuse_past_horizon(%3$L)', p_key, p_default, p_days)
$_$;


ALTER FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION horizon_trigger(p_default regclass, p_key name, p_days integer)
COMMENT ON FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer) IS 'The CREATE TRIGGER of the horizon rule on a default partition, for a horizon of p_days UTC days (internal)';
-- ACL: FUNCTION horizon_trigger(p_default regclass, p_key name, p_days integer)
REVOKE ALL ON FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer) FROM PUBLIC;
