-- Deploy marketdb:maintenance/hypertables to pg
-- requires: maintenance/partitions

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- edition: 'timescale' (full: compression, continuous aggregates, jobs) or 'apache' (the
-- Debian and Ubuntu build: hypertables, chunks, time_bucket only). See shared/DESIGN.md.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.edition()
RETURNS text
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT coalesce(current_setting('timescaledb.license', true), 'apache')
$function$;

COMMENT ON FUNCTION maintenance.edition() IS
    'The TimescaleDB edition of this server: timescale or apache';

-- ---------------------------------------------------------------------------------------
-- enable_compression: columnar compression and its policy where the edition has them; on
-- apache a NOTICE says it was skipped. Called by deploy scripts, as the owner.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.enable_compression(
    p_hypertable     regclass,
    p_segment_by     text,
    p_order_by       text,
    p_compress_after interval
)
RETURNS boolean
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RAISE NOTICE 'TimescaleDB edition %: no compression for % (needs the timescale edition); skipped',
            maintenance.edition(), p_hypertable;
        RETURN false;
    END IF;
    EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                   p_hypertable, p_segment_by, p_order_by);
    PERFORM timescaledb.add_compression_policy(p_hypertable, compress_after => p_compress_after);
    RETURN true;
END
$function$;

COMMENT ON FUNCTION maintenance.enable_compression(regclass, text, text, interval) IS
    'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only';

-- ---------------------------------------------------------------------------------------
-- create_rollup: one name, two editions. On timescale a continuous aggregate, created WITH NO
-- DATA (materialising cannot run inside Sqitch's transaction) and real-time
-- (materialized_only = false: buckets not yet materialised are computed at query time, so it
-- answers exactly like the view) with an hourly refresh policy. On apache a plain view of
-- the same query: same name, columns and types, so readers need no branch.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.create_rollup(
    p_view          text,
    p_query         text,
    p_refresh_start interval,
    p_refresh_end   interval
)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
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

COMMENT ON FUNCTION maintenance.create_rollup(text, text, interval, interval) IS
    'A rollup under one name: continuous aggregate (timescale edition) or plain view (apache)';

CREATE FUNCTION maintenance.drop_rollup(p_view text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_name text[] := parse_ident(p_view);
BEGIN
    -- Dropping a continuous aggregate drops its refresh policy with it.
    IF to_regclass('timescaledb_information.continuous_aggregates') IS NOT NULL
       AND EXISTS (SELECT FROM timescaledb_information.continuous_aggregates AS ca
                    WHERE ca.view_schema = v_name[1] AND ca.view_name = v_name[2]) THEN
        EXECUTE format('DROP MATERIALIZED VIEW %I.%I', v_name[1], v_name[2]);
    ELSE
        EXECUTE format('DROP VIEW %I.%I', v_name[1], v_name[2]);
    END IF;
END
$function$;

COMMENT ON FUNCTION maintenance.drop_rollup(text) IS
    'Drops a rollup made by create_rollup, whichever edition made it';

-- ---------------------------------------------------------------------------------------
-- register_hypertable: a hypertable enters the registry (retention only: chunks are made by
-- inserts, so there is nothing to premake).
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.register_hypertable(
    p_hypertable text,
    p_retention  interval DEFAULT NULL
)
RETURNS maintenance.policy
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_canonical text := maintenance.resolve_table(p_hypertable);
    v_dimension record;
    v_policy    maintenance.policy;
BEGIN
    SELECT d.column_name, d.column_type, d.time_interval INTO v_dimension
      FROM timescaledb_information.dimensions AS d
     WHERE format('%s.%s', d.hypertable_schema, d.hypertable_name) = v_canonical
       AND d.dimension_number = 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_hypertable: % is not a hypertable', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = 'create it with timescaledb.create_hypertable()';
    END IF;
    IF v_dimension.column_type NOT IN ('timestamptz'::regtype, 'date'::regtype) THEN
        RAISE EXCEPTION 'p_hypertable: % is partitioned on a % column, maintenance needs timestamptz or date', v_canonical, v_dimension.column_type
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF (SELECT c.relowner FROM pg_class AS c WHERE c.oid = v_canonical::regclass) <> 'marketdb_owner'::regrole THEN
        RAISE EXCEPTION 'p_hypertable: % is not owned by marketdb_owner, so maintenance could not manage it', v_canonical
            USING ERRCODE = 'invalid_parameter_value', HINT = format('ALTER TABLE %s OWNER TO marketdb_owner', v_canonical);
    END IF;
    IF p_retention <= interval '0' THEN
        RAISE EXCEPTION 'p_retention must be positive or NULL (keep everything), got %', p_retention
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO maintenance.policy (parent_table, kind, partition_interval, premake_days, retention, retention_action)
    VALUES (v_canonical, 'hypertable', v_dimension.time_interval, 0, p_retention, 'drop')
    RETURNING * INTO v_policy;
    RETURN v_policy;
END
$function$;

COMMENT ON FUNCTION maintenance.register_hypertable(text, interval) IS
    'Registers a hypertable (time dimension timestamptz or date, owned by marketdb_owner) for retention by maintenance';

-- ---------------------------------------------------------------------------------------
-- maintain_hypertable: retention with drop_chunks, on both editions (TimescaleDB's own
-- retention policy is a job of the timescale edition only). Chunks wholly older than
-- reference time - retention go, except the chunk holding the newest row: the cut-off
-- passed to drop_chunks is the earlier of the two, and drop_chunks removes only chunks
-- that end at or before it.
-- ---------------------------------------------------------------------------------------
CREATE FUNCTION maintenance.maintain_hypertable(
    p_policy         maintenance.policy,
    p_reference_time timestamptz,
    p_dry_run        boolean,
    p_premake_days   integer
)
RETURNS SETOF maintenance.action
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
SET lock_timeout = '1s'
AS $function$
DECLARE
    c_attempts   constant integer := 3;
    v_hypertable regclass := p_policy.parent_table::regclass;
    v_time       name;
    v_time_type  regtype;
    v_cutoff     timestamptz := p_reference_time - p_policy.retention;
    v_newest     timestamptz;
    v_older_than timestamptz;
    v_chunks     maintenance.action[] := '{}';
    v_chunk      record;
    v_rows       bigint;
    v_result     maintenance.action;
BEGIN
    IF v_cutoff IS NULL THEN
        v_result := (p_policy.parent_table, 'noop', NULL, 0, 'nothing to do: no retention, and chunks are made by inserts');
        RETURN NEXT v_result;
        RETURN;
    END IF;

    SELECT d.column_name, d.column_type INTO v_time, v_time_type
      FROM timescaledb_information.dimensions AS d
     WHERE format('%s.%s', d.hypertable_schema, d.hypertable_name) = p_policy.parent_table
       AND d.dimension_number = 1;
    -- A date dimension's day is a UTC day (the function runs with TimeZone = UTC).
    EXECUTE format('SELECT max(%I)::timestamptz FROM %s', v_time, v_hypertable) INTO v_newest;
    v_older_than := least(v_cutoff, v_newest);

    FOR v_chunk IN
        SELECT format('%I.%I', c.chunk_schema, c.chunk_name) AS chunk, c.range_end
          FROM timescaledb_information.chunks AS c
         WHERE format('%s.%s', c.hypertable_schema, c.hypertable_name) = p_policy.parent_table
           AND c.range_end <= v_older_than
         ORDER BY c.range_start
    LOOP
        EXECUTE format('SELECT count(*) FROM %s', v_chunk.chunk) INTO v_rows;
        v_chunks := v_chunks || (p_policy.parent_table, 'drop', v_chunk.chunk, v_rows,
            format('%schunk ending %s, wholly older than %s, with %s rows',
                   CASE WHEN p_dry_run THEN 'dry run: would drop ' ELSE 'dropped ' END,
                   v_chunk.range_end, v_cutoff, v_rows))::maintenance.action;
    END LOOP;

    IF cardinality(v_chunks) = 0 THEN
        v_result := (p_policy.parent_table, 'noop', NULL, 0,
                     format('nothing to do: no chunk wholly older than %s (the newest row''s chunk is kept)', v_cutoff));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    -- older_than must have the dimension's type (timestamptz or date).
    IF NOT p_dry_run AND NOT maintenance.execute_with_lock_retry(
            format('SELECT timescaledb.drop_chunks(%L::regclass, older_than => %L::%s)', v_hypertable, v_older_than, v_time_type),
            c_attempts) THEN
        v_result := (p_policy.parent_table, 'lock_timeout', NULL, 0,
                     format('could not lock the chunks of %s within lock_timeout %s in %s attempts; nothing dropped, the next run retries',
                            p_policy.parent_table, current_setting('lock_timeout'), c_attempts));
        RETURN NEXT v_result;
        RETURN;
    END IF;

    RETURN QUERY SELECT * FROM unnest(v_chunks);
END
$function$;

COMMENT ON FUNCTION maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer) IS
    'Applies one hypertable''s retention with drop_chunks (internal: call run_maintenance or run_maintenance_for)';

REVOKE EXECUTE ON FUNCTION maintenance.enable_compression(regclass, text, text, interval) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.create_rollup(text, text, interval, interval) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.drop_rollup(text) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.register_hypertable(text, interval) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer) FROM marketdb_maintainer;
GRANT EXECUTE ON FUNCTION maintenance.edition() TO marketdb_reader;

COMMIT;
