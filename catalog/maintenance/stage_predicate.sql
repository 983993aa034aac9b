-- FUNCTION: stage_predicate(name, date, date[])
CREATE FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET "TimeZone" TO 'UTC'
    AS $_$
    SELECT CASE WHEN p_day IS NOT NULL
                THEN format('%1$I IS NOT NULL AND %1$I >= %2$L::timestamptz AND %1$I < %3$L::timestamptz', p_key,
                            p_day::timestamp AT TIME ZONE 'UTC', (p_day + 1)::timestamp AT TIME ZONE 'UTC')
                ELSE format('NOT coalesce((%1$I AT TIME ZONE ''UTC'')::date = ANY (%2$L::date[]), false)', p_key, p_rescued)
           END
$_$;


ALTER FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[]) OWNER TO marketdb_owner;
-- COMMENT: FUNCTION stage_predicate(p_key name, p_day date, p_rescued date[])
COMMENT ON FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[]) IS 'The rows of a default partition a rescue stage holds (internal)';
-- ACL: FUNCTION stage_predicate(p_key name, p_day date, p_rescued date[])
REVOKE ALL ON FUNCTION maintenance.stage_predicate(p_key name, p_day date, p_rescued date[]) FROM PUBLIC;
