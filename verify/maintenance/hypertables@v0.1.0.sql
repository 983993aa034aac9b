-- Verify marketdb:maintenance/hypertables on pg

BEGIN;

-- has_function_privilege raises when the function does not exist.
SELECT has_function_privilege('maintenance.edition()', 'EXECUTE');
SELECT has_function_privilege('maintenance.enable_compression(regclass, text, text, interval)', 'EXECUTE');
SELECT has_function_privilege('maintenance.create_rollup(text, text, interval, interval)', 'EXECUTE');
SELECT has_function_privilege('maintenance.drop_rollup(text)', 'EXECUTE');
SELECT has_function_privilege('maintenance.register_hypertable(text, interval)', 'EXECUTE');
SELECT has_function_privilege('maintenance.maintain_hypertable(maintenance.policy, timestamptz, boolean, integer)', 'EXECUTE');

SELECT 1 / (maintenance.edition() IN ('apache', 'timescale'))::integer;

ROLLBACK;
