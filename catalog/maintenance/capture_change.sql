-- FUNCTION: capture_change()
CREATE FUNCTION maintenance.capture_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET extra_float_digits TO '3'
    AS $_$
DECLARE
    v_insert text := format('INSERT INTO maintenance.%I SELECT $1, ($2).*', 'rescue_log_' || TG_RELID);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE v_insert USING 'D'::"char", OLD;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE v_insert USING 'I'::"char", NEW;
    END IF;
    RETURN NULL;
END
$_$;


ALTER FUNCTION maintenance.capture_change() OWNER TO marketdb_owner;
-- COMMENT: FUNCTION capture_change()
COMMENT ON FUNCTION maintenance.capture_change() IS 'Trigger on a default partition while its rows wait for a rescue: logs every change (internal)';
-- ACL: FUNCTION capture_change()
REVOKE ALL ON FUNCTION maintenance.capture_change() FROM PUBLIC;
