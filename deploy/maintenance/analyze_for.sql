-- Deploy marketdb:maintenance/analyze_for to pg
-- requires: maintenance/run
-- requires: maintenance/compaction

-- ---------------------------------------------------------------------------------------
-- analyze_for: planner statistics of a partitioned parent. Autovacuum analyzes partitions,
-- never a partitioned parent, so a query whose plan depends on the whole table's
-- statistics (the groups of a GROUP BY over the parent, a join's selectivity above the
-- Append) is planned with defaults: 200 groups, whatever the data.
--
-- Called after a table's run and compaction, in a transaction of its own (run_all and
-- `marketdb maintain` do): ANALYZE takes SHARE UPDATE EXCLUSIVE, which no writer waits for,
-- and SKIP_LOCKED, so it never waits for anyone either (a partition autovacuum is working on
-- is left to it). Bounded cost: ANALYZE reads a sample of the parent (300 x
-- default_statistics_target rows, 30,000 by default) and of each partition, and runs at
-- most once a day per table, only after maintenance changed its partitions since the last
-- analyze (or when there never was one).
-- ---------------------------------------------------------------------------------------

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE FUNCTION maintenance.analyze_for(p_parent_table text)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    c_min_interval constant interval := interval '1 day';
    v_canonical text := maintenance.require_table('p_parent_table', p_parent_table);
    v_kind      text := (SELECT p.kind FROM maintenance.policy AS p WHERE p.parent_table = v_canonical);
    v_last      timestamptz;
    v_started   timestamptz;
    v_result    maintenance.action;
BEGIN
    IF v_kind IS NULL THEN
        RAISE EXCEPTION 'p_parent_table: % has no maintenance policy', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'register it with maintenance.register_partitioned_table()';
    END IF;
    IF v_kind <> 'partitioned' THEN
        RETURN;  -- a hypertable's chunks and root are TimescaleDB's and autovacuum's
    END IF;
    SELECT greatest(s.last_analyze, s.last_autoanalyze) INTO v_last FROM pg_stat_all_tables AS s WHERE s.relid = v_canonical::regclass;
    IF v_last > now() - c_min_interval THEN
        RETURN;
    END IF;
    IF v_last IS NOT NULL AND NOT EXISTS (
           SELECT FROM maintenance.run_log AS l
            WHERE l.started_at > v_last - interval '1 day' AND l.finished_at > v_last
              AND l.parent_table = v_canonical AND NOT l.dry_run
              AND l.actions @? '$[*] ? (@.action == "create" || @.action == "rescue" || @.action == "drop" || @.action == "detach" || @.action == "compact")') THEN
        RETURN;
    END IF;
    v_started := clock_timestamp();
    EXECUTE format('ANALYZE (SKIP_LOCKED) %s', v_canonical::regclass);
    v_result := (v_canonical, 'analyze', NULL, 0,
                 format('planner statistics of %s (and its %s partitions) refreshed in %s ms: %s',
                        v_canonical, (SELECT count(*) FROM pg_inherits AS i WHERE i.inhparent = v_canonical::regclass),
                        round(extract(epoch FROM clock_timestamp() - v_started) * 1000),
                        CASE WHEN v_last IS NULL THEN 'it had none'
                             ELSE format('its partitions changed since %s', v_last) END));
    RETURN NEXT v_result;
END
$function$;

COMMENT ON FUNCTION maintenance.analyze_for(text) IS
    'Analyzes a partitioned parent when maintenance changed its partitions since its last analyze, at most daily; call it in its own transaction after the run';

COMMIT;
