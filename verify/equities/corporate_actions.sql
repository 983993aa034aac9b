-- Verify marketdb:equities/corporate_actions on pg

BEGIN;

SELECT action_date, symbol, action_type, value, currency, created_at FROM equities.corporate_actions WHERE false;

ROLLBACK;
