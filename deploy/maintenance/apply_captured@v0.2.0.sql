-- Deploy marketdb:maintenance/apply_captured to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.apply_captured as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/apply_captured`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Replays onto a stage the logged changes of its rows that committed after p_since and (when
-- p_until is given) before p_until, in the order they were made. Returns rows added and
-- removed. A removal that finds no row means the copy and the log disagree: it raises, and
-- the table's run is rolled back with nothing moved.
CREATE OR REPLACE FUNCTION maintenance.apply_captured(p_log regclass, p_stage regclass, p_key name, p_day date, p_rescued date[], p_since pg_snapshot, p_until pg_snapshot)
 RETURNS TABLE(rows_added bigint, rows_removed bigint)
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_columns text := maintenance.insertable_columns(p_stage);
    v_match   text := maintenance.row_match(p_stage);
    v_entry   record;
    v_n       bigint;
BEGIN
    rows_added := 0;
    rows_removed := 0;
    FOR v_entry IN EXECUTE format(
        'SELECT l.marketdb_seq AS seq, l.marketdb_op AS op FROM %1$s AS l'
        ' WHERE l.marketdb_xid >= pg_snapshot_xmin($1) AND NOT pg_visible_in_snapshot(l.marketdb_xid, $1)'
        '   AND ($2::pg_snapshot IS NULL OR pg_visible_in_snapshot(l.marketdb_xid, $2))'
        '   AND l.marketdb_xid IS DISTINCT FROM pg_current_xact_id_if_assigned()'
        '   AND (%2$s)'
        ' ORDER BY l.marketdb_seq',
        p_log, maintenance.stage_predicate(p_key, p_day, p_rescued))
      USING p_since, p_until
    LOOP
        IF v_entry.op = 'D' THEN
            EXECUTE format('DELETE FROM %1$s AS t WHERE t.ctid = (SELECT s.ctid FROM %1$s AS s, %2$s AS r'
                           ' WHERE r.marketdb_seq = $1 AND %3$s LIMIT 1)', p_stage, p_log, v_match)
              USING v_entry.seq;
            GET DIAGNOSTICS v_n = ROW_COUNT;
            IF v_n <> 1 THEN
                RAISE EXCEPTION 'rescue into %: logged change % removes a row the copy does not hold', p_stage, v_entry.seq;
            END IF;
            rows_removed := rows_removed + 1;
        ELSE
            EXECUTE format('INSERT INTO %1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM %3$s WHERE marketdb_seq = $1',
                           p_stage, v_columns, p_log)
              USING v_entry.seq;
            rows_added := rows_added + 1;
        END IF;
    END LOOP;
    RETURN NEXT;
END
$function$;

COMMENT ON FUNCTION maintenance.apply_captured(regclass,regclass,name,date,date[],pg_snapshot,pg_snapshot) IS
    'Replays logged changes of a default partition onto a rescue stage (internal)';

REVOKE ALL ON FUNCTION maintenance.apply_captured(regclass,regclass,name,date,date[],pg_snapshot,pg_snapshot) FROM PUBLIC;

COMMIT;
