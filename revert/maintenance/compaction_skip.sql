-- Revert marketdb:maintenance/compaction_skip from pg

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
    RETURN QUERY SELECT * FROM maintenance.run_compaction(v_canonical, p_reference_time, p_dry_run);
END
$function$;

COMMENT ON FUNCTION maintenance.compact_for(text, timestamptz, boolean) IS
    'Merges the oldest month of daily partitions due (one per call and transaction), or lists every month due as a dry run';

COMMIT;
