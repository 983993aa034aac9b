-- Deploy marketdb:equities/row_rules to pg
-- requires: equities/seed_names
-- requires: equities/assets
-- requires: maintenance/constraint_guard
-- non-transactional: the constraints are added NOT VALID in one transaction (brief locks),
-- then validated one by one, each in its own transaction, while writers go on (VALIDATE
-- takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its VALIDATE naming
-- the constraint and is left as it was; the constraint stays NOT VALID, checking new rows,
-- and a deploy run again after the row is fixed re-adds and validates it.

-- Every bad row a writer can send to equities is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 1900-01-01 for bars and actions (end-of-day history); 2000-01-01 for sync times,
--              to 2100-01-01: 'infinity' and typos of the year are refused.
-- On a hypertable, '-infinity' never reaches a constraint: TimescaleDB refuses it
-- first (22008, timestamp out of range) while routing the row to a chunk.

-- DROP CONSTRAINT IF EXISTS removes only this change's own constraint, left NOT VALID
-- by an earlier run whose validation failed: the deploy can be run again.
-- squawk-ignore-file ban-drop-constraint

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.assert_checks_addable('equities/row_rules', ARRAY['equities.market_data']::regclass[]);

ALTER TABLE equities.assets
    DROP CONSTRAINT IF EXISTS assets_symbol_length,
    ADD CONSTRAINT assets_symbol_length CHECK (length(symbol) <= 32) NOT VALID,
    DROP CONSTRAINT IF EXISTS assets_exchange_not_blank,
    ADD CONSTRAINT assets_exchange_not_blank CHECK (btrim(exchange) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS assets_exchange_length,
    ADD CONSTRAINT assets_exchange_length CHECK (length(exchange) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS assets_last_synced_plausible,
    ADD CONSTRAINT assets_last_synced_plausible CHECK (last_synced >= '2000-01-01 00:00+00' AND last_synced < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS assets_sync_claimed_until_plausible,
    ADD CONSTRAINT assets_sync_claimed_until_plausible CHECK (sync_claimed_until >= '2000-01-01 00:00+00' AND sync_claimed_until < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE equities.market_data
    DROP CONSTRAINT IF EXISTS market_data_time_plausible,
    ADD CONSTRAINT market_data_time_plausible CHECK ("time" >= '1900-01-01 00:00+00' AND "time" < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_open_finite,
    ADD CONSTRAINT market_data_open_finite CHECK (open > '-Infinity' AND open < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_high_finite,
    ADD CONSTRAINT market_data_high_finite CHECK (high > '-Infinity' AND high < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_low_finite,
    ADD CONSTRAINT market_data_low_finite CHECK (low > '-Infinity' AND low < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_close_finite,
    ADD CONSTRAINT market_data_close_finite CHECK (close > '-Infinity' AND close < 'Infinity') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_data_adjusted_close_finite,
    ADD CONSTRAINT market_data_adjusted_close_finite CHECK (adjusted_close > '-Infinity' AND adjusted_close < 'Infinity') NOT VALID;
ALTER TABLE equities.corporate_actions
    DROP CONSTRAINT IF EXISTS corporate_actions_date_plausible,
    ADD CONSTRAINT corporate_actions_date_plausible CHECK ("date" >= '1900-01-01' AND "date" < '2100-01-01') NOT VALID,
    DROP CONSTRAINT IF EXISTS corporate_actions_value_finite,
    ADD CONSTRAINT corporate_actions_value_finite CHECK (value > '-Infinity' AND value < 'Infinity') NOT VALID;

COMMIT;

-- Each VALIDATE commits on its own, on purpose (see the header).
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE equities.assets VALIDATE CONSTRAINT assets_symbol_length;
ALTER TABLE equities.assets VALIDATE CONSTRAINT assets_exchange_not_blank;
ALTER TABLE equities.assets VALIDATE CONSTRAINT assets_exchange_length;
ALTER TABLE equities.assets VALIDATE CONSTRAINT assets_last_synced_plausible;
ALTER TABLE equities.assets VALIDATE CONSTRAINT assets_sync_claimed_until_plausible;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_time_plausible;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_open_finite;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_high_finite;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_low_finite;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_close_finite;
ALTER TABLE equities.market_data VALIDATE CONSTRAINT market_data_adjusted_close_finite;
ALTER TABLE equities.corporate_actions VALIDATE CONSTRAINT corporate_actions_date_plausible;
ALTER TABLE equities.corporate_actions VALIDATE CONSTRAINT corporate_actions_value_finite;
RESET ROLE;
RESET lock_timeout;
