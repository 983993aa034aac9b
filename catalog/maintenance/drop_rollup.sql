-- FUNCTION: drop_rollup(text)
CREATE FUNCTION maintenance.drop_rollup(p_view text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_name text[] := parse_ident(p_view);
BEGIN
    -- Dropping a continuous aggregate drops its refresh policy with it.
    IF to_regclass('timescaledb_information.continuous_aggregates') IS NOT NULL
       AND EXISTS (SELECT FROM timescaledb_information.continuous_aggregates AS ca
                    WHERE ca.view_schema = v_name[1] AND ca.view_name = v_name[2]) THEN
        EXECUTE format('DROP MATERIALIZED VIEW %I.%I', v_name[1], v_name[2]);
    ELSE
        EXECUTE format('DROP VIEW %I.%I', v_name[1], v_name[2]);
    END IF;
END
$$;


ALTER FUNCTION maintenance.drop_rollup(p_view text) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION drop_rollup(p_view text)
COMMENT ON FUNCTION maintenance.drop_rollup(p_view text) IS 'Drops a rollup made by create_rollup, whichever edition made it';
-- ACL: FUNCTION drop_rollup(p_view text)
REVOKE ALL ON FUNCTION maintenance.drop_rollup(p_view text) FROM PUBLIC;
