-- Deploy marketdb:maintenance/set_archive_export to pg
-- requires: maintenance/policy_export_archives
-- requires: maintenance/require_table

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The owner turns a table's "detach -> export -> drop" on or off. Only a detach policy can
-- (policy_export_archives_detach names the rule when not).
CREATE FUNCTION maintenance.set_archive_export(p_parent_table text, p_export boolean)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    IF p_export IS NULL THEN
        RAISE EXCEPTION 'p_export: must be true or false, got NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE maintenance.policy AS p SET export_archives = p_export, updated_at = now() WHERE p.parent_table = v_canonical;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.set_archive_export(text, boolean) IS
    'Turns a detach policy''s export of its archive tables on or off (detach -> export -> drop; owner only)';

REVOKE ALL ON FUNCTION maintenance.set_archive_export(text, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION maintenance.set_archive_export(text, boolean) FROM marketdb_maintainer;

COMMIT;
