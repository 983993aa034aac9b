-- Deploy marketdb:maintenance/default_horizon to pg
-- requires: maintenance/partitions
-- requires: maintenance/register

-- ---------------------------------------------------------------------------------------
-- A row dated past the days maintenance makes partitions for (reference day + the larger of
-- premake and 31 days) used to stay in the default partition for good, reported as
-- out_of_window at every run; one trade at 2099-12-31 did. Many such rows would make every
-- partition created or attached beside the default read them all under the parent's lock.
-- Such a row is now refused when it arrives, by the rule <table>_<key>_within_horizon, so
-- the default partition only ever holds rows a run can place.
--
-- The rule is a trigger on the default partition alone: a row routed to a partition (every
-- row of a day that has one) never fires it, so ordinary ingestion pays nothing. Its WHEN
-- compares the key with the horizon (days baked in from the policy): a row within it pays
-- that comparison and no function call (bench row 11); the function, for rows past it,
-- checks the policy as it is now and names the rule. An AFTER trigger, so a row
-- that also breaks a CHECK is refused by the CHECK's name first. Relative to the server's
-- clock (now(), the transaction's start), UTC days: a row for the last day of the horizon is
-- taken, midnight after it is refused, at any hour of the day.
-- Rows stored before this change stay and are reported; they hold back only their month.
-- ---------------------------------------------------------------------------------------

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The first instant past the horizon of a registered table at a time.
CREATE FUNCTION maintenance.horizon_of(p_policy maintenance.policy, p_time timestamptz)
RETURNS timestamptz
LANGUAGE sql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT (((p_time AT TIME ZONE 'UTC')::date + greatest(p_policy.premake_days, 31) + 1)::timestamp AT TIME ZONE 'UTC')
$function$;

COMMENT ON FUNCTION maintenance.horizon_of(maintenance.policy, timestamptz) IS
    'Where the days maintenance makes partitions for end at a time: reference day + greatest(premake, 31) + 1, UTC (internal)';

-- The trigger for a default partition whose key is p_key, refusing from UTC midnight of
-- today + p_days (greatest(premake, 31) + 1, as horizon_of).
CREATE FUNCTION maintenance.horizon_trigger(p_default regclass, p_key name, p_days integer)
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT format('CREATE TRIGGER marketdb_horizon AFTER INSERT OR UPDATE OF %1$I ON %2$s FOR EACH ROW'
                  ' WHEN (NEW.%1$I >= (((now() AT TIME ZONE ''UTC'')::date + %3$s)::timestamp AT TIME ZONE ''UTC''))'
                  ' EXECUTE FUNCTION maintenance.refuse_past_horizon(%3$L)', p_key, p_default, p_days)
$function$;

COMMENT ON FUNCTION maintenance.horizon_trigger(regclass, name, integer) IS
    'The CREATE TRIGGER of the horizon rule on a default partition, for a horizon of p_days UTC days (internal)';

-- SECURITY DEFINER: the writer cannot read the registry.
CREATE FUNCTION maintenance.refuse_past_horizon()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
DECLARE
    v_parent  regclass := (SELECT i.inhparent FROM pg_inherits AS i WHERE i.inhrelid = TG_RELID);
    v_policy  maintenance.policy;
    v_key     name;
    v_value   timestamptz;
    v_horizon timestamptz;
BEGIN
    SELECT * INTO v_policy FROM maintenance.policy AS p WHERE p.parent_table = v_parent::text;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_key := (SELECT k.column_name FROM maintenance.partition_key(v_parent) AS k);
    EXECUTE format('SELECT ($1).%I', v_key) INTO v_value USING NEW;
    v_horizon := maintenance.horizon_of(v_policy, now());
    -- The WHEN used the days of the policy when the trigger was made; the policy decides.
    IF v_value >= v_horizon THEN
        RAISE EXCEPTION 'new row for relation "%" violates rule "%"', split_part(v_parent::text, '.', 2),
                        format('%s_%s_within_horizon', split_part(v_policy.parent_table, '.', 2), v_key)
            USING ERRCODE = 'check_violation',
                  DETAIL = format('%s %s is not before %s: partitions are made for days up to %s days ahead of the clock',
                                  v_key, v_value, v_horizon, greatest(v_policy.premake_days, 31)),
                  CONSTRAINT = format('%s_%s_within_horizon', split_part(v_policy.parent_table, '.', 2), v_key),
                  SCHEMA = split_part(v_policy.parent_table, '.', 1),
                  TABLE = split_part(v_policy.parent_table, '.', 2),
                  COLUMN = v_key;
    END IF;
    RETURN NULL;
END
$function$;

COMMENT ON FUNCTION maintenance.refuse_past_horizon() IS
    'Trigger on a default partition: refuses a row dated past the days maintenance makes partitions for (internal)';

-- Installs the trigger on a registered table's default partition when it lacks it, or
-- replaces it when the policy's premake changed its days. Waits
-- at most 50 ms for the default partition's lock (a writer of a late row in flight): the
-- next run installs it then. Returns whether the default partition has it.
CREATE FUNCTION maintenance.guard_default(p_parent regclass)
RETURNS boolean
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET lock_timeout = '50ms'
AS $function$
DECLARE
    -- Runs at every run for every table: read the default from pg_partitioned_table, not
    -- from partitions_of, which deparses every partition's bound.
    v_default regclass := (SELECT nullif(t.partdefid, 0) FROM pg_partitioned_table AS t WHERE t.partrelid = p_parent);
    v_days    integer := (SELECT greatest(p.premake_days, 31) + 1 FROM maintenance.policy AS p WHERE p.parent_table = p_parent::text);
    v_args    bytea;
BEGIN
    IF v_default IS NULL OR v_days IS NULL THEN
        RETURN false;
    END IF;
    SELECT t.tgargs INTO v_args FROM pg_trigger AS t WHERE t.tgrelid = v_default AND t.tgname = 'marketdb_horizon';
    IF v_args = convert_to(v_days::text, 'UTF8') || '\x00'::bytea THEN  -- tgargs: each argument NUL-terminated
        RETURN true;
    END IF;
    BEGIN
        IF v_args IS NOT NULL THEN
            EXECUTE format('DROP TRIGGER marketdb_horizon ON %s', v_default);
        END IF;
        EXECUTE maintenance.horizon_trigger(v_default, (SELECT k.column_name FROM maintenance.partition_key(p_parent) AS k), v_days);
    EXCEPTION WHEN lock_not_available THEN
        RETURN false;
    END;
    RETURN true;
END
$function$;

COMMENT ON FUNCTION maintenance.guard_default(regclass) IS
    'Puts the horizon rule on a registered table''s default partition if it lacks it; false when its lock was busy (internal)';

-- The defaults that exist, waiting for their locks as long as the deploy does.
DO $do$
DECLARE
    v_default record;
BEGIN
    FOR v_default IN
        SELECT d.partition, k.column_name, greatest(p.premake_days, 31) + 1 AS days
          FROM maintenance.policy AS p
         CROSS JOIN LATERAL maintenance.partitions_of(p.parent_table::regclass) AS d
         CROSS JOIN LATERAL maintenance.partition_key(p.parent_table::regclass) AS k
         WHERE p.kind = 'partitioned' AND d.is_default
    LOOP
        EXECUTE maintenance.horizon_trigger(v_default.partition, v_default.column_name, v_default.days);
    END LOOP;
END
$do$;

REVOKE EXECUTE ON FUNCTION maintenance.horizon_of(maintenance.policy, timestamptz) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.horizon_trigger(regclass, name, integer) FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.refuse_past_horizon() FROM marketdb_maintainer;
REVOKE EXECUTE ON FUNCTION maintenance.guard_default(regclass) FROM marketdb_maintainer;

COMMIT;
