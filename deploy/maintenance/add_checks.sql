-- Deploy marketdb:maintenance/add_checks to pg
-- requires: maintenance/constraint_guard
-- adopted from: maintenance/constraint_guard

-- maintenance.add_checks as maintenance/constraint_guard left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/add_checks`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- add_checks: a table's new CHECK constraints in one ALTER TABLE. NOT VALID where it can
-- (a brief lock, no scan: validate_checks scans later without blocking writers); but
-- TimescaleDB refuses VALIDATE CONSTRAINT on a hypertable with compression enabled, so
-- there they are added validated, all in one pass over the chunks, under the lock.
-- A constraint of the same name left by an interrupted deploy is replaced: reruns work.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.add_checks(p_change text, p_table regclass, p_names text[], p_expressions text[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET client_min_messages TO 'warning'
AS $function$
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
$function$;

COMMENT ON FUNCTION maintenance.add_checks(text,regclass,text[],text[]) IS
    'Adds named CHECK constraints to a table, NOT VALID where TimescaleDB allows validating them later (deploy helper)';

REVOKE ALL ON FUNCTION maintenance.add_checks(text,regclass,text[],text[]) FROM PUBLIC;

COMMIT;
