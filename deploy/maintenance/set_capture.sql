-- Deploy marketdb:maintenance/set_capture to pg
-- requires: maintenance/capture_always

-- A capture's log is maintenance's own. The schema's default privileges let the reader read
-- it, and a reader's transaction holding it made the swap that drops it wait, with the
-- parent locked, then fail. The reader loses it on new logs and on those that exist.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.set_capture(p_default regclass, p_on boolean)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_log text := format('maintenance.%I', 'rescue_log_' || p_default::oid);
BEGIN
    IF EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = p_default AND t.tgname = 'marketdb_rescue_capture') THEN
        EXECUTE format('DROP TRIGGER marketdb_rescue_capture ON %s', p_default);
    END IF;
    IF to_regclass(v_log) IS NOT NULL THEN
        EXECUTE format('DROP TABLE %s', v_log);
    END IF;
    IF p_on THEN
        -- The default partition's columns, in its own order (the trigger logs its row type).
        EXECUTE format('CREATE TABLE %s (marketdb_op "char" NOT NULL, LIKE %s,'
                       ' marketdb_seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
                       ' marketdb_xid xid8 NOT NULL DEFAULT pg_current_xact_id())', v_log, p_default);
        -- The trigger writes it as the owner, whoever installed it (a superuser in tests).
        EXECUTE format('ALTER TABLE %s OWNER TO marketdb_owner', v_log);
        -- Maintenance's own: a reader holding it would hold up the swap that drops it.
        EXECUTE format('REVOKE ALL ON %s FROM marketdb_reader', v_log);
        EXECUTE format('CREATE INDEX ON %s (marketdb_xid)', v_log);
        EXECUTE format('CREATE TRIGGER marketdb_rescue_capture AFTER INSERT OR UPDATE OR DELETE ON %s'
                       ' FOR EACH ROW EXECUTE FUNCTION maintenance.capture_change()', p_default);
        -- Fires for a logical subscription's apply worker too (session_replication_role =
        -- replica skips ordinary triggers): its rows must not slip past a rescue or a merge.
        EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER marketdb_rescue_capture', p_default);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.set_capture(regclass, boolean) IS
    'Installs (true) or removes (false) the change capture of a default partition (internal)';

DO $do$
DECLARE
    v_log regclass;
BEGIN
    FOR v_log IN SELECT c.oid::regclass FROM pg_class AS c
                  WHERE c.relnamespace = 'maintenance'::regnamespace AND c.relkind = 'r' AND c.relname LIKE 'rescue\_log\_%' LOOP
        EXECUTE format('REVOKE ALL ON %s FROM marketdb_reader', v_log);
    END LOOP;
END
$do$;

COMMIT;
