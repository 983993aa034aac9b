-- Verify marketdb:maintenance/register on pg

BEGIN;

SELECT 'maintenance.register_partitioned_table(text, integer, interval, text, interval)'::regprocedure,
       'maintenance.register_hypertable(text, interval)'::regprocedure;
SELECT 1 / (NOT has_function_privilege('marketdb_maintainer', 'maintenance.register_partitioned_table(text, integer, interval, text, interval)', 'EXECUTE'))::integer;

ROLLBACK;
