-- Deploy marketdb:maintenance/require_table to pg
-- requires: maintenance/checks
-- adopted from: maintenance/checks

-- maintenance.require_table as maintenance/checks left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/require_table`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The schema.table name of an existing table. Quoted or not, with or without schema (then
-- the search_path decides), as to_regclass reads it.
CREATE OR REPLACE FUNCTION maintenance.require_table(p_argument text, p_value text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_table regclass;
BEGIN
    IF p_value IS NULL OR btrim(p_value) = '' THEN
        RAISE EXCEPTION '%: a table name is required, got %', p_argument, coalesce(quote_literal(p_value), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        v_table := to_regclass(p_value);
    EXCEPTION WHEN OTHERS THEN  -- to_regclass raises on a name it cannot parse
        RAISE EXCEPTION '%: % is not a table name', p_argument, quote_literal(p_value)
            USING ERRCODE = 'invalid_parameter_value';
    END;
    IF v_table IS NULL THEN
        RAISE EXCEPTION '%: table "%" does not exist', p_argument, p_value USING ERRCODE = 'undefined_table';
    END IF;
    RETURN (SELECT format('%s.%s', n.nspname, c.relname)
              FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
             WHERE c.oid = v_table);
END
$function$;

COMMENT ON FUNCTION maintenance.require_table(text,text) IS
    'The schema.table name of an existing table, or an error naming the argument (internal)';

REVOKE ALL ON FUNCTION maintenance.require_table(text,text) FROM PUBLIC;

COMMIT;
