-- Deploy marketdb:equities/seed_names to pg
-- requires: equities/market_data
-- requires: equities/corporate_actions

-- Renaming is this change's purpose: the seed's code uses the new names.
-- squawk-ignore-file renaming-column
-- squawk-ignore-file renaming-object

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The end-of-day loader's models name the bar's time `time` and the action's day `date`
-- (its design document); v0.1.0 had named them ts and action_date. Renames only: no row is
-- rewritten, chunks and compression settings follow the hypertable.
ALTER TABLE equities.market_data RENAME COLUMN ts TO "time";
ALTER TABLE equities.market_data RENAME CONSTRAINT market_data_ts_is_a_date TO market_data_time_is_a_date;
ALTER INDEX equities.market_data_symbol_ts_idx RENAME TO market_data_symbol_time_idx;
ALTER TABLE equities.corporate_actions RENAME COLUMN action_date TO "date";

COMMIT;
