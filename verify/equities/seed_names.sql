-- Verify marketdb:equities/seed_names on pg

BEGIN;

-- The seed's names (each fails before the change: the columns were ts and action_date).
SELECT "time", symbol, adjusted_close FROM equities.market_data WHERE false;
SELECT "date", symbol, action_type, value, currency FROM equities.corporate_actions WHERE false;
SELECT 'equities.market_data_symbol_time_idx'::regclass;

ROLLBACK;
