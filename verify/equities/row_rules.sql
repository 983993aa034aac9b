-- Verify marketdb:equities/row_rules on pg

BEGIN;

-- All 13 rules exist on their tables and are validated.
SELECT 1 / (count(*) = 13)::integer
  FROM pg_constraint AS c
 WHERE c.contype = 'c' AND c.convalidated
   AND (c.conrelid::regclass::text, c.conname) IN (
       ('equities.assets', 'assets_symbol_length'),
       ('equities.assets', 'assets_exchange_not_blank'),
       ('equities.assets', 'assets_exchange_length'),
       ('equities.assets', 'assets_last_synced_plausible'),
       ('equities.assets', 'assets_sync_claimed_until_plausible'),
       ('equities.market_data', 'market_data_time_plausible'),
       ('equities.market_data', 'market_data_open_finite'),
       ('equities.market_data', 'market_data_high_finite'),
       ('equities.market_data', 'market_data_low_finite'),
       ('equities.market_data', 'market_data_close_finite'),
       ('equities.market_data', 'market_data_adjusted_close_finite'),
       ('equities.corporate_actions', 'corporate_actions_date_plausible'),
       ('equities.corporate_actions', 'corporate_actions_value_finite'));

ROLLBACK;
