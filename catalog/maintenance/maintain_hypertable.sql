-- FUNCTION: maintain_hypertable(maintenance.policy, timestamp with time zone, boolean, integer)
CREATE FUNCTION maintenance.maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) RETURNS SETOF maintenance.action
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    SET lock_timeout TO '1s'
    AS $$
-- p_premake_days is run_policies' argument for every kind of table; inserts make chunks,
-- so a hypertable has nothing to premake. plpgsql_check would report it unused:
-- @plpgsql_check_options: extra_warnings = off
DECLARE
    c_attempts   constant integer := 3;
    v_hypertable regclass := p_policy.parent_table::regclass;
    v_time       name;
    v_time_type  regtype;
    v_cutoff     timestamptz := p_reference_time - p_policy.retention;
    v_newest     timestamptz;
    v_older_than timestamptz;
    v_chunks     maintenance.action[] := '{}'::maintenance.action[];
    v_chunk      record;
    v_rows       bigint;
    v_result     maintenance.action;
    v_held       record;
    v_kept       integer;
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

    -- A continuous aggregate's buckets above its materialized watermark are computed from
    -- the raw rows (real time) or wait for the next refresh: a raw chunk reaching above the
    -- watermark of any rollup of this table is kept, and the run says which rollup holds it.
    SELECT r.rollup, r.refresh_job, r.materialized_until INTO v_held
      FROM maintenance.rollups() AS r
     WHERE r.raw_table = p_policy.parent_table AND r.materialized_until < v_older_than
     ORDER BY r.materialized_until
     LIMIT 1;
    IF FOUND THEN
        SELECT count(*) INTO v_kept
          FROM timescaledb_information.chunks AS c
         WHERE format('%s.%s', c.hypertable_schema, c.hypertable_name) = p_policy.parent_table
           AND c.range_end <= v_older_than AND c.range_end > v_held.materialized_until;
        v_older_than := v_held.materialized_until;
        IF v_kept > 0 THEN
            v_result := (p_policy.parent_table, 'deferred', NULL, 0,
                format('retention held: %s chunk(s) past the cut-off %s reach above rollup %s''s materialized watermark %s '
                       || '(refresh job %s, last run %s); they are dropped once a refresh has materialized them',
                       v_kept, v_cutoff, v_held.rollup, coalesce(v_held.materialized_until::text, 'none (never refreshed)'),
                       coalesce(v_held.refresh_job::text, 'none'),
                       coalesce((SELECT s.last_run_status || ' at ' || s.last_run_started_at FROM timescaledb_information.job_stats AS s
                                  WHERE s.job_id = v_held.refresh_job), 'never')));
            RETURN NEXT v_result;
        END IF;
    END IF;

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
        IF v_kept > 0 THEN
            RETURN;  -- the deferral says it all
        END IF;
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
$$;


ALTER FUNCTION maintenance.maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer)
COMMENT ON FUNCTION maintenance.maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) IS 'Applies one hypertable''s retention with drop_chunks, never above a rollup''s materialized watermark (internal: call run_maintenance or run_maintenance_for)';
-- ACL: FUNCTION maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer)
REVOKE ALL ON FUNCTION maintenance.maintain_hypertable(p_policy maintenance.policy, p_reference_time timestamp with time zone, p_dry_run boolean, p_premake_days integer) FROM PUBLIC;
