-- Deploy marketdb:maintenance/validate_checks to pg
-- requires: maintenance/constraint_guard
-- adopted from: maintenance/constraint_guard

-- maintenance.validate_checks as maintenance/constraint_guard left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/validate_checks`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- validate_checks: each named constraint still NOT VALID is validated (SHARE UPDATE
-- EXCLUSIVE: writers go on during the scan). Call it in a transaction of its own.
CREATE OR REPLACE FUNCTION maintenance.validate_checks(p_table regclass, p_names text[])
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_name name;
BEGIN
    FOR v_name IN
        SELECT c.conname FROM pg_constraint AS c
         WHERE c.conrelid = p_table AND c.conname = ANY (p_names) AND NOT c.convalidated
         ORDER BY c.conname
    LOOP
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', p_table, v_name);
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.validate_checks(regclass,text[]) IS
    'Validates the named CHECK constraints of a table that are still NOT VALID (deploy helper)';

REVOKE ALL ON FUNCTION maintenance.validate_checks(regclass,text[]) FROM PUBLIC;

COMMIT;
