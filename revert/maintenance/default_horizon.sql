-- Revert marketdb:maintenance/default_horizon from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DO $do$
DECLARE
    v_table regclass;
BEGIN
    FOR v_table IN SELECT t.tgrelid::regclass FROM pg_trigger AS t WHERE t.tgname = 'marketdb_horizon' LOOP
        EXECUTE format('DROP TRIGGER marketdb_horizon ON %s', v_table);
    END LOOP;
END
$do$;

DROP FUNCTION maintenance.guard_default(regclass);
DROP FUNCTION maintenance.refuse_past_horizon();
DROP FUNCTION maintenance.horizon_trigger(regclass, name, integer);
DROP FUNCTION maintenance.horizon_of(maintenance.policy, timestamptz);

COMMIT;
