-- Deploy marketdb:maintenance/stage_predicate to pg
-- requires: maintenance/partitions
-- adopted from: maintenance/partitions

-- maintenance.stage_predicate as maintenance/partitions left it, taken unchanged from the
-- deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/stage_predicate`. Deploying it changes nothing
-- (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Which rows a stage takes: a day, or (p_day NULL) every row of no rescued day. The day's
-- form is also its stage's CHECK: it implies the partition constraint PostgreSQL would
-- otherwise validate by reading every row under the lock (IS NOT NULL included).
CREATE OR REPLACE FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[])
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
    SELECT CASE WHEN p_day IS NOT NULL
                THEN format('%1$I IS NOT NULL AND %1$I >= %2$L::timestamptz AND %1$I < %3$L::timestamptz', p_key,
                            p_day::timestamp AT TIME ZONE 'UTC', (p_day + 1)::timestamp AT TIME ZONE 'UTC')
                ELSE format('NOT coalesce((%1$I AT TIME ZONE ''UTC'')::date = ANY (%2$L::date[]), false)', p_key, p_rescued)
           END
$function$;

COMMENT ON FUNCTION maintenance.stage_predicate(name,date,date[]) IS
    'The rows of a default partition a rescue stage holds (internal)';

REVOKE ALL ON FUNCTION maintenance.stage_predicate(name,date,date[]) FROM PUBLIC;

COMMIT;
