-- Verify marketdb:maintenance/bound_session on pg

BEGIN;

SELECT maintenance.bound_session();
SELECT 1 / (current_setting('idle_in_transaction_session_timeout') = '1s')::integer;

ROLLBACK;
