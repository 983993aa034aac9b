-- Deploy marketdb:maintenance/privilege_signature to pg
-- requires: maintenance/partition_privileges
-- adopted from: maintenance/partition_privileges

-- maintenance.privilege_signature as maintenance/partition_privileges left it, taken
-- unchanged from the deployed catalog (pg_get_functiondef): from here on its current body
-- is this file, changed only by `sqitch rework maintenance/privilege_signature`. Deploying
-- it changes nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- A table's privileges (privileges_of) as one comparable text: grantee OIDs, column names.
CREATE OR REPLACE FUNCTION maintenance.privilege_signature(p_table regclass)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT coalesce(string_agg(DISTINCT g.grant, ',' ORDER BY g.grant), '')
      FROM (SELECT format('%s %s %s', a.grantee, a.privilege_type, a.is_grantable) AS grant
              FROM pg_class AS c CROSS JOIN LATERAL aclexplode(c.relacl) AS a
             WHERE c.oid = p_table AND a.grantee <> c.relowner
            UNION ALL
            SELECT format('%s %s %s %I', a.grantee, a.privilege_type, a.is_grantable, t.attname)
              FROM pg_class AS c
              JOIN pg_attribute AS t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped
             CROSS JOIN LATERAL aclexplode(t.attacl) AS a
             WHERE c.oid = p_table AND a.grantee <> c.relowner) AS g
$function$;

COMMENT ON FUNCTION maintenance.privilege_signature(regclass) IS
    'A table''s table and column privileges, its owner''s aside, as one text that equals another table''s when their privileges do (internal)';

REVOKE ALL ON FUNCTION maintenance.privilege_signature(regclass) FROM PUBLIC;

COMMIT;
