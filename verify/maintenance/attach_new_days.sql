-- Verify marketdb:maintenance/attach_new_days on pg

BEGIN;

SELECT 1 / (has_function_privilege('marketdb_owner', 'maintenance.attach_new_day(regclass, text, date)', 'EXECUTE')
            AND NOT has_function_privilege('marketdb_maintainer', 'maintenance.attach_new_day(regclass, text, date)', 'EXECUTE'))::integer;
SELECT 1 / (pg_get_functiondef('maintenance.maintain_partitioned(maintenance.policy, timestamptz, boolean, integer)'::regprocedure)
            LIKE '%maintenance.attach_new_day(v_parent, v_name, v_step.day)%')::integer;
SELECT 1 / (pg_get_functiondef('maintenance.prepare_rescue(text)'::regprocedure) LIKE '%maintenance.attach_new_day(%')::integer;

ROLLBACK;
