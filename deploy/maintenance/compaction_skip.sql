-- Deploy marketdb:maintenance/compaction_skip to pg
-- requires: maintenance/compaction

-- A maintenance run calls compact_for for every table after its run. For a table that does
-- not compact (every table but exchange.trades by default) that call still claimed the
-- policy row, planned over every partition, looked for captures to remove and logged a
-- run_log row: about 3 ms a table at 10 partitions, more with more, and what made a
-- maintenance run with nothing to do slower than pg_partman's (bench section 5). It now
-- returns at once when compaction is off and no daily partition has a capture left.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION maintenance.compact_for(
    p_parent_table   text,
    p_reference_time timestamptz DEFAULT now(),
    p_dry_run        boolean     DEFAULT false
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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

COMMENT ON FUNCTION maintenance.compact_for(text, timestamptz, boolean) IS
    'Merges the oldest month of daily partitions due (one per call and transaction), or lists every month due as a dry run';

COMMIT;
