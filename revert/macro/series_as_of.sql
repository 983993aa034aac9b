-- Revert marketdb:macro/series_as_of from pg

-- Back to v0.1.0's body (ordering that needs macro_series_as_of_idx).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Point-in-time read: for one series, each observation date's value as known at p_as_of,
-- i.e. the latest release no later than p_as_of. A backtest at time T that reads through
-- this never sees a value, or a revision, released after T.
CREATE OR REPLACE FUNCTION macro.series_as_of(
    p_series_id bigint,
    p_as_of     timestamptz,
    p_from      date DEFAULT NULL,
    p_to        date DEFAULT NULL
)
RETURNS TABLE (observation_date date, value numeric, release_time timestamptz)
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
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
    RETURN QUERY
    SELECT DISTINCT ON (m.observation_date) m.observation_date, m.value, m.release_time
      FROM macro.macro_series AS m
     WHERE m.series_id = p_series_id
       AND m.release_time <= p_as_of
       AND (p_from IS NULL OR m.observation_date >= p_from)
       AND (p_to IS NULL OR m.observation_date <= p_to)
     ORDER BY m.observation_date, m.release_time DESC;
END
$function$;



COMMIT;
