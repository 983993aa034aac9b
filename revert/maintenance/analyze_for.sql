-- Revert marketdb:maintenance/analyze_for from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION maintenance.analyze_for(text);

COMMIT;
