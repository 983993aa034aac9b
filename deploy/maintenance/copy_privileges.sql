-- Deploy marketdb:maintenance/copy_privileges to pg
-- requires: maintenance/partition_privileges
-- adopted from: maintenance/partition_privileges

-- maintenance.copy_privileges as maintenance/partition_privileges left it, taken unchanged
-- from the deployed catalog (pg_get_functiondef): from here on its current body is this
-- file, changed only by `sqitch rework maintenance/copy_privileges`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- p_to gets exactly p_from's privileges (read-only: without INSERT, UPDATE, DELETE,
-- TRUNCATE). Columns are matched by name.
CREATE OR REPLACE FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_grant record;
BEGIN
    -- REVOKE at table level takes the column privileges of the same kind with it.
    FOR v_grant IN SELECT DISTINCT p.grantee FROM maintenance.privileges_of(p_to) AS p LOOP
        EXECUTE format('REVOKE ALL ON TABLE %s FROM %s CASCADE', p_to,
                       CASE WHEN v_grant.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(v_grant.grantee) END);
    END LOOP;
    FOR v_grant IN
        SELECT p.* FROM maintenance.privileges_of(p_from) AS p
         WHERE NOT (p_read_only AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
    LOOP
        EXECUTE format('GRANT %s%s ON TABLE %s TO %s%s', v_grant.privilege_type,
                       CASE WHEN v_grant.column_name IS NOT NULL THEN format(' (%I)', v_grant.column_name) ELSE '' END,
                       p_to, CASE WHEN v_grant.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(v_grant.grantee) END,
                       CASE WHEN v_grant.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
    END LOOP;
END
$function$;

COMMENT ON FUNCTION maintenance.copy_privileges(regclass,regclass,boolean) IS
    'Gives a table exactly another''s table and column privileges, or (read-only) those without INSERT, UPDATE, DELETE, TRUNCATE (internal)';

REVOKE ALL ON FUNCTION maintenance.copy_privileges(regclass,regclass,boolean) FROM PUBLIC;

COMMIT;
