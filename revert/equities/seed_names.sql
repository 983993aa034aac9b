-- Revert marketdb:equities/seed_names from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE equities.corporate_actions RENAME COLUMN "date" TO action_date;
ALTER INDEX equities.market_data_symbol_time_idx RENAME TO market_data_symbol_ts_idx;
ALTER TABLE equities.market_data RENAME CONSTRAINT market_data_time_is_a_date TO market_data_ts_is_a_date;
ALTER TABLE equities.market_data RENAME COLUMN "time" TO ts;

COMMIT;
