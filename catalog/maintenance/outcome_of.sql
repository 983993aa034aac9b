-- FUNCTION: outcome_of(maintenance.action[])
CREATE FUNCTION maintenance.outcome_of(p_actions maintenance.action[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT CASE
               WHEN bool_or(a.action = 'error') THEN 'error'
               WHEN bool_or(a.action = 'skip') THEN 'skip'
               WHEN bool_or(a.action = 'lock_timeout') THEN 'lock_timeout'
               WHEN bool_or(a.action = 'deferred') THEN 'partial'
               WHEN bool_and(a.action IN ('noop', 'out_of_window')) OR count(*) = 0 THEN 'noop'
               ELSE 'ok'
           END
      FROM unnest(p_actions) AS a
$$;


ALTER FUNCTION maintenance.outcome_of(p_actions maintenance.action[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION outcome_of(p_actions maintenance.action[])
COMMENT ON FUNCTION maintenance.outcome_of(p_actions maintenance.action[]) IS 'error, skip, lock_timeout, partial, ok or noop: how a list of actions ended (internal)';
-- ACL: FUNCTION outcome_of(p_actions maintenance.action[])
REVOKE ALL ON FUNCTION maintenance.outcome_of(p_actions maintenance.action[]) FROM PUBLIC;
