-- Revert marketdb:maintenance/outcome_of from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- outcome_of as maintenance/run made it.
-- How a list of actions ended: error > skip > lock_timeout > partial (work left for the next
-- run: deferred days, rows outside the window) > ok > noop.
CREATE OR REPLACE FUNCTION maintenance.outcome_of(p_actions maintenance.action[])
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT CASE
               WHEN bool_or(a.action = 'error') THEN 'error'
               WHEN bool_or(a.action = 'skip') THEN 'skip'
               WHEN bool_or(a.action = 'lock_timeout') THEN 'lock_timeout'
               WHEN bool_or(a.action IN ('deferred', 'out_of_window')) THEN 'partial'
               WHEN bool_and(a.action = 'noop') OR count(*) = 0 THEN 'noop'
               ELSE 'ok'
           END
      FROM unnest(p_actions) AS a
$function$;

COMMENT ON FUNCTION maintenance.outcome_of(maintenance.action[]) IS
    'error, skip, lock_timeout, partial, ok or noop: how a list of actions ended (internal)';

COMMIT;
