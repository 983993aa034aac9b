-- Verify marketdb:maintenance/set_capture on pg

BEGIN;

SELECT 1 / (pg_get_functiondef('maintenance.set_capture(regclass, boolean)'::regprocedure) LIKE '%REVOKE ALL ON %s FROM marketdb_reader%')::integer;
SELECT 1 / (NOT EXISTS (SELECT FROM pg_class AS c WHERE c.relnamespace = 'maintenance'::regnamespace AND c.relname LIKE 'rescue\_log\_%'
                          AND has_table_privilege('marketdb_reader', c.oid, 'SELECT')))::integer;

ROLLBACK;
