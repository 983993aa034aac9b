-- Deploy marketdb:maintenance/create_rollup to pg
-- requires: maintenance/hypertables
-- adopted from: maintenance/hypertables

-- maintenance.create_rollup as maintenance/hypertables left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/create_rollup`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- create_rollup: one name, two editions. On timescale a continuous aggregate, created WITH NO
-- DATA (materialising cannot run inside Sqitch's transaction) and real-time
-- (materialized_only = false: buckets not yet materialised are computed at query time, so it
-- answers exactly like the view) with an hourly refresh policy. On apache a plain view of
-- the same query: same name, columns and types, so readers need no branch.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.create_rollup(p_view text, p_query text, p_refresh_start interval, p_refresh_end interval)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
    v_name text[] := parse_ident(p_view);
BEGIN
    IF cardinality(v_name) <> 2 THEN
        RAISE EXCEPTION 'p_view must be schema.name, got %', p_view USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF maintenance.edition() = 'timescale' THEN
        EXECUTE format(
            'CREATE MATERIALIZED VIEW %I.%I WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS %s WITH NO DATA',
            v_name[1], v_name[2], p_query);
        PERFORM timescaledb.add_continuous_aggregate_policy(
            format('%I.%I', v_name[1], v_name[2])::regclass,
            start_offset => p_refresh_start, end_offset => p_refresh_end, schedule_interval => interval '1 hour');
        RETURN 'continuous aggregate';
    END IF;
    EXECUTE format('CREATE VIEW %I.%I AS %s', v_name[1], v_name[2], p_query);
    RAISE NOTICE 'TimescaleDB edition %: % is a plain view (continuous aggregates need the timescale edition)',
        maintenance.edition(), p_view;
    RETURN 'view';
END
$function$;

COMMENT ON FUNCTION maintenance.create_rollup(text,text,interval,interval) IS
    'A rollup under one name: continuous aggregate (timescale edition) or plain view (apache)';

REVOKE ALL ON FUNCTION maintenance.create_rollup(text,text,interval,interval) FROM PUBLIC;

COMMIT;
