-- Verify marketdb:maintenance/standby_health on pg

BEGIN;

SELECT application_name, client_addr, state, sync_state, replay_lag_seconds, replay_lag_bytes
  FROM maintenance.standby_health
 WHERE false;

SELECT 1 / has_table_privilege('marketdb_reader', 'maintenance.standby_health', 'SELECT')::integer;

ROLLBACK;
