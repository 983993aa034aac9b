-- Deploy marketdb:maintenance/partition_privileges to pg
-- requires: maintenance/partitions
-- requires: maintenance/register
-- requires: exchange/key_columns_fixed

-- ---------------------------------------------------------------------------------------
-- A partition is a table of its own: a role granted on it can write it directly, past every
-- rule the parent carries. Partitions got the schema's default privileges (the writer may
-- UPDATE every column), so exchange/key_columns_fixed held only through the parent:
-- `UPDATE exchange.trades_p20261203 SET ts = ...` moved a trade, and a default partition's
-- rows moved past retention were then discarded, a DELETE by a role without DELETE.
--
-- The rule: every relation that stores a parent's rows has exactly the parent's privileges,
-- table and column level (the owner aside): partitions, the default, and the copies a
-- rescue or a merge builds before they are swapped in. An archive (a detached partition, or
-- rows archived past retention) has them without INSERT, UPDATE, DELETE and TRUNCATE: it is
-- history. Maintenance applies it to each relation it makes, as it makes it (in the same
-- transaction, so no other session sees one without it), and at every run to the
-- partitions whose privileges differ (a partition attached by hand, a parent re-granted).
-- This change fixes the relations that exist.
-- ---------------------------------------------------------------------------------------

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Privileges granted on a table to roles other than its owner, table and column level.
CREATE FUNCTION maintenance.privileges_of(p_table regclass)
RETURNS TABLE (grantee text, privilege_type text, column_name name, is_grantable boolean)
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
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

-- p_to gets exactly p_from's privileges (read-only: without INSERT, UPDATE, DELETE,
-- TRUNCATE). Columns are matched by name.
CREATE FUNCTION maintenance.copy_privileges(p_from regclass, p_to regclass, p_read_only boolean)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
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

COMMENT ON FUNCTION maintenance.copy_privileges(regclass, regclass, boolean) IS
    'Gives a table exactly another''s table and column privileges, or (read-only) those without INSERT, UPDATE, DELETE, TRUNCATE (internal)';

-- A table's privileges (privileges_of) as one comparable text: grantee OIDs, column names.
CREATE FUNCTION maintenance.privilege_signature(p_table regclass)
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
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

-- Every partition of a parent (the default included) whose privileges differ from the
-- parent's gets the parent's; returns how many did. Runs at every run for every table:
-- partitions whose ACLs are the parent's, item for item, are passed by one join; only the
-- others have their signatures compared.
CREATE FUNCTION maintenance.align_privileges(p_parent regclass)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_part  regclass;
    v_fixed integer := 0;
    v_want  text := maintenance.privilege_signature(p_parent);
BEGIN
    FOR v_part IN
        WITH parts AS (
            SELECT c.oid, c.relowner = pc.relowner AND c.relacl IS NOT DISTINCT FROM pc.relacl AS same
              FROM pg_inherits AS i
              JOIN pg_class AS c ON c.oid = i.inhrelid
              JOIN pg_class AS pc ON pc.oid = i.inhparent
             WHERE i.inhparent = p_parent),
        columns_differ AS (
            SELECT DISTINCT a.attrelid
              FROM parts
              JOIN pg_attribute AS a ON a.attrelid = parts.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_attribute AS pa ON pa.attrelid = p_parent AND pa.attname = a.attname
             WHERE a.attacl IS DISTINCT FROM pa.attacl)
        SELECT parts.oid::regclass FROM parts
         WHERE NOT (parts.same AND parts.oid NOT IN (SELECT attrelid FROM columns_differ))
           AND maintenance.privilege_signature(parts.oid) <> v_want
    LOOP
        PERFORM maintenance.copy_privileges(p_parent, v_part, false);
        v_fixed := v_fixed + 1;
    END LOOP;
    RETURN v_fixed;
END
$function$;

COMMENT ON FUNCTION maintenance.align_privileges(regclass) IS
    'Gives every partition of a parent whose privileges differ the parent''s; returns how many (internal)';

-- The archives of a registered table: tables of its schema named as its partitions are
-- (<table>_pYYYYMMDD or _pYYYYMM, maybe _rN) that are not attached to anything.
CREATE FUNCTION maintenance.archives_of(p_parent regclass)
RETURNS SETOF regclass
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT a.oid::regclass
      FROM pg_class AS pc
      JOIN pg_class AS a ON a.relnamespace = pc.relnamespace AND a.relkind = 'r' AND NOT a.relispartition
     WHERE pc.oid = p_parent
       AND left(a.relname, length(pc.relname) + 2) = pc.relname || '_p'
       AND substr(a.relname, length(pc.relname) + 3) ~ '^([0-9]{8}|[0-9]{6})(_r[0-9])?$'
$function$;

COMMENT ON FUNCTION maintenance.archives_of(regclass) IS
    'Detached partitions and archive tables of a partitioned table, found by their names (internal)';

-- An archive is history: its parent's privileges without INSERT, UPDATE, DELETE, TRUNCATE.
-- The parent is the registered table whose archive it is by name (archives_of); a table
-- no registered table claims only loses the writer's rights, as before.
CREATE OR REPLACE FUNCTION maintenance.make_read_only_archive(p_table regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_parent regclass := (SELECT p.parent_table::regclass FROM maintenance.policy AS p
                           WHERE p.kind = 'partitioned' AND p_table IN (SELECT maintenance.archives_of(p.parent_table::regclass))
                           LIMIT 1);
BEGIN
    IF v_parent IS NULL THEN
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', p_table);
    ELSE
        PERFORM maintenance.copy_privileges(v_parent, p_table, true);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.make_read_only_archive(regclass) IS
    'Gives a detached or archive table its parent''s privileges without INSERT, UPDATE, DELETE and TRUNCATE (internal)';

DO $do$
DECLARE
    v_parent regclass;
    v_table  regclass;
BEGIN
    FOR v_parent IN SELECT p.parent_table::regclass FROM maintenance.policy AS p WHERE p.kind = 'partitioned' LOOP
        PERFORM maintenance.align_privileges(v_parent);
        FOR v_table IN SELECT * FROM maintenance.archives_of(v_parent) LOOP
            PERFORM maintenance.make_read_only_archive(v_table);
        END LOOP;
    END LOOP;
END
$do$;

REVOKE EXECUTE ON FUNCTION maintenance.copy_privileges(regclass, regclass, boolean) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.align_privileges(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.archives_of(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.privileges_of(regclass) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.privilege_signature(regclass) FROM marketdb_maintainer;

COMMIT;
