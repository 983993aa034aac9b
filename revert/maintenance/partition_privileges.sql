-- Revert marketdb:maintenance/partition_privileges from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Partitions and archives as the schema's default privileges (and make_read_only_archive)
-- left them.
DO $do$
DECLARE
    v_parent regclass;
    v_table  regclass;
    v_grantee text;
BEGIN
    FOR v_parent IN SELECT p.parent_table::regclass FROM maintenance.policy AS p WHERE p.kind = 'partitioned' LOOP
        FOR v_table IN SELECT p.partition FROM maintenance.partitions_of(v_parent) AS p
                       UNION ALL SELECT * FROM maintenance.archives_of(v_parent) LOOP
            FOR v_grantee IN SELECT DISTINCT p.grantee FROM maintenance.privileges_of(v_table) AS p LOOP
                EXECUTE format('REVOKE ALL ON TABLE %s FROM %s CASCADE', v_table,
                               CASE WHEN v_grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(v_grantee) END);
            END LOOP;
            EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %s TO marketdb_writer', v_table);
            EXECUTE format('GRANT SELECT ON TABLE %s TO marketdb_reader', v_table);
            IF NOT EXISTS (SELECT FROM pg_inherits AS i WHERE i.inhrelid = v_table) THEN
                EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', v_table);
            END IF;
        END LOOP;
    END LOOP;
END
$do$;

-- make_read_only_archive as maintenance/partitions made it.
CREATE OR REPLACE FUNCTION maintenance.make_read_only_archive(p_table regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %s FROM marketdb_writer', p_table);
END
$function$;

COMMENT ON FUNCTION maintenance.make_read_only_archive(regclass) IS
    'Takes the writer''s INSERT, UPDATE, DELETE and TRUNCATE away from a detached or archive table (internal)';

DROP FUNCTION maintenance.archives_of(regclass);
DROP FUNCTION maintenance.align_privileges(regclass);
DROP FUNCTION maintenance.privilege_signature(regclass);
DROP FUNCTION maintenance.copy_privileges(regclass, regclass, boolean);
DROP FUNCTION maintenance.privileges_of(regclass);

COMMIT;
