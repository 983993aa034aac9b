-- Revert marketdb:equities/row_rules from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE equities.assets
    DROP CONSTRAINT assets_symbol_length,
    DROP CONSTRAINT assets_exchange_not_blank,
    DROP CONSTRAINT assets_exchange_length,
    DROP CONSTRAINT assets_last_synced_plausible,
    DROP CONSTRAINT assets_sync_claimed_until_plausible;
ALTER TABLE equities.market_data
    DROP CONSTRAINT market_data_time_plausible,
    DROP CONSTRAINT market_data_open_finite,
    DROP CONSTRAINT market_data_high_finite,
    DROP CONSTRAINT market_data_low_finite,
    DROP CONSTRAINT market_data_close_finite,
    DROP CONSTRAINT market_data_adjusted_close_finite;
ALTER TABLE equities.corporate_actions
    DROP CONSTRAINT corporate_actions_date_plausible,
    DROP CONSTRAINT corporate_actions_value_finite;

COMMIT;
