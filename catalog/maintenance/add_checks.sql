-- FUNCTION: add_checks(text, regclass, text[], text[])
CREATE FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET client_min_messages TO 'warning'
    AS $_$
DECLARE
    v_compressed_table boolean := maintenance.edition() = 'timescale' AND EXISTS (
        SELECT FROM timescaledb_information.hypertables AS h
         WHERE format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass = p_table AND h.compression_enabled);
BEGIN
    IF cardinality(p_names) IS DISTINCT FROM cardinality(p_expressions) OR cardinality(p_names) = 0 THEN
        RAISE EXCEPTION 'p_names, p_expressions: one expression per name is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM maintenance.assert_checks_addable(p_change, ARRAY[p_table]);
    EXECUTE format('ALTER TABLE %s %s', p_table,
                   (SELECT string_agg(format('DROP CONSTRAINT IF EXISTS %1$I, ADD CONSTRAINT %1$I CHECK (%2$s)%3$s',
                                             n, e, CASE WHEN v_compressed_table THEN '' ELSE ' NOT VALID' END), ', ' ORDER BY i)
                      FROM unnest(p_names, p_expressions) WITH ORDINALITY AS r (n, e, i)));
END
$_$;


ALTER FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[])
COMMENT ON FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[]) IS 'Adds named CHECK constraints to a table, NOT VALID where TimescaleDB allows validating them later (deploy helper)';
-- ACL: FUNCTION add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[])
REVOKE ALL ON FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[]) FROM PUBLIC;
