-- Verify marketdb:maintenance/policy_export_archives on pg

BEGIN;

SELECT export_archives FROM maintenance.policy WHERE false;

SELECT 1 / count(*) FROM pg_constraint
 WHERE conrelid = 'maintenance.policy'::regclass AND conname = 'policy_export_archives_detach';

ROLLBACK;
