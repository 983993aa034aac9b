-- Deploy marketdb:maintenance/outcome_of to pg
-- requires: maintenance/run

-- A run that only reports rows outside the window ends noop (or ok), not partial: one row
-- at 2099-12-31 made every run partial for good. The rows are still reported, every run.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- How a list of actions ended: error > skip > lock_timeout > partial (work left for the next
-- run: deferred days or months) > ok > noop. Rows outside the window are reported, but are
-- no work a later run will do: they need a person, not another run.
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
               WHEN bool_or(a.action = 'deferred') THEN 'partial'
               WHEN bool_and(a.action IN ('noop', 'out_of_window')) OR count(*) = 0 THEN 'noop'
               ELSE 'ok'
           END
      FROM unnest(p_actions) AS a
$function$;

COMMENT ON FUNCTION maintenance.outcome_of(maintenance.action[]) IS
    'error, skip, lock_timeout, partial, ok or noop: how a list of actions ended (internal)';

COMMIT;
