-- Deploy marketdb:maintenance/compact_for to pg
-- requires: maintenance/compaction_skip
-- adopted from: maintenance/compaction_skip

-- maintenance.compact_for as maintenance/compaction_skip left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/compact_for`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.compact_for(p_parent_table text, p_reference_time timestamp with time zone DEFAULT now(), p_dry_run boolean DEFAULT false)
 RETURNS SETOF maintenance.action
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
BEGIN
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical) THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    PERFORM maintenance.require_reference_time('p_reference_time', p_reference_time, p_dry_run);
    -- Compaction off and no day capture left to remove: nothing to plan, no step to log.
    IF NOT EXISTS (SELECT FROM maintenance.policy AS p WHERE p.parent_table = v_canonical AND p.compact_after IS NOT NULL)
       AND NOT EXISTS (SELECT FROM pg_inherits AS i JOIN pg_trigger AS t ON t.tgrelid = i.inhrelid
                        WHERE i.inhparent = v_canonical::regclass AND t.tgname = 'marketdb_rescue_capture') THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM maintenance.run_compaction(v_canonical, p_reference_time, p_dry_run);
END
$function$;

COMMENT ON FUNCTION maintenance.compact_for(text,timestamp with time zone,boolean) IS
    'Merges the oldest month of daily partitions due (one per call and transaction), or lists every month due as a dry run';

REVOKE ALL ON FUNCTION maintenance.compact_for(text,timestamp with time zone,boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintenance.compact_for(text,timestamp with time zone,boolean) TO marketdb_maintainer;

COMMIT;
