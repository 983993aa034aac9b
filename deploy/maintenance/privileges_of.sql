-- Deploy marketdb:maintenance/privileges_of to pg
-- requires: maintenance/partition_privileges
-- adopted from: maintenance/partition_privileges

-- maintenance.privileges_of as maintenance/partition_privileges left it, taken unchanged
-- from the deployed catalog (pg_get_functiondef): from here on its current body is this
-- file, changed only by `sqitch rework maintenance/privileges_of`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Privileges granted on a table to roles other than its owner, table and column level.
CREATE OR REPLACE FUNCTION maintenance.privileges_of(p_table regclass)
 RETURNS TABLE(grantee text, privilege_type text, column_name name, is_grantable boolean)
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END, a.privilege_type, NULL::name, a.is_grantable
      FROM pg_class AS c CROSS JOIN LATERAL aclexplode(c.relacl) AS a
     WHERE c.oid = p_table AND a.grantee <> c.relowner
    UNION ALL
    SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END, a.privilege_type, t.attname, a.is_grantable
      FROM pg_class AS c
      JOIN pg_attribute AS t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped
     CROSS JOIN LATERAL aclexplode(t.attacl) AS a
     WHERE c.oid = p_table AND a.grantee <> c.relowner
$function$;

COMMENT ON FUNCTION maintenance.privileges_of(regclass) IS
    'Table and column privileges of a table, its owner''s aside (column_name NULL: table level)';

REVOKE ALL ON FUNCTION maintenance.privileges_of(regclass) FROM PUBLIC;

COMMIT;
