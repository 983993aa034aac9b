-- Deploy marketdb:maintenance/set_compaction to pg
-- requires: maintenance/compaction
-- adopted from: maintenance/compaction

-- maintenance.set_compaction as maintenance/compaction left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/set_compaction`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The owner sets a table's compaction age (NULL: never).
CREATE OR REPLACE FUNCTION maintenance.set_compaction(p_parent_table text, p_compact_after interval)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    UPDATE maintenance.policy AS p SET compact_after = p_compact_after WHERE p.parent_table = v_canonical;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.set_compaction(text,interval) IS
    'Sets after how long a table''s daily partitions are merged into months (NULL: never; owner only)';

REVOKE ALL ON FUNCTION maintenance.set_compaction(text,interval) FROM PUBLIC;

COMMIT;
