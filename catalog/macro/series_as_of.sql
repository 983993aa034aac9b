-- FUNCTION: series_as_of(bigint, timestamp with time zone, date, date)
CREATE FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date DEFAULT NULL::date, p_to date DEFAULT NULL::date) RETURNS TABLE(observation_date date, value numeric, release_time timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF p_series_id IS NULL THEN
        RAISE EXCEPTION 'p_series_id must not be NULL' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_as_of IS NULL THEN
        RAISE EXCEPTION 'p_as_of must not be NULL: a point-in-time read needs the point' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_from > p_to THEN
        RAISE EXCEPTION 'p_from (%) is after p_to (%)', p_from, p_to USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Newest first in both columns: the release key (series_id, observation_date,
    -- release_time) read backwards gives that order, so no index of its own is needed
    -- (v0.1.0's mixed order needed macro_series_as_of_idx). Then oldest date first.
    RETURN QUERY
    SELECT latest.observation_date, latest.value, latest.release_time
      FROM (SELECT DISTINCT ON (m.observation_date) m.observation_date, m.value, m.release_time
              FROM macro.macro_series AS m
             WHERE m.series_id = p_series_id
               AND m.release_time <= p_as_of
               AND (p_from IS NULL OR m.observation_date >= p_from)
               AND (p_to IS NULL OR m.observation_date <= p_to)
             ORDER BY m.observation_date DESC, m.release_time DESC) AS latest
     ORDER BY latest.observation_date;
END
$$;


ALTER FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date)
COMMENT ON FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date) IS 'Each observation of a series as known at p_as_of: its latest release no later than p_as_of';
-- ACL: FUNCTION series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date)
REVOKE ALL ON FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date) TO marketdb_reader;
GRANT ALL ON FUNCTION macro.series_as_of(p_series_id bigint, p_as_of timestamp with time zone, p_from date, p_to date) TO marketdb_writer;
