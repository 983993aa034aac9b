-- Deploy marketdb:onchain/row_rules to pg
-- requires: onchain/markets
-- requires: onchain/resolutions
-- requires: onchain/price_snapshots
-- requires: onchain/orderbook_snapshots
-- requires: onchain/trades
-- requires: maintenance/constraint_guard
-- non-transactional: the constraints are added NOT VALID in one transaction (brief locks),
-- then validated one by one, each in its own transaction, while writers go on (VALIDATE
-- takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its VALIDATE naming
-- the constraint and is left as it was; the constraint stays NOT VALID, checking new rows,
-- and a deploy run again after the row is fixed re-adds and validates it.

-- Every bad row a writer can send to onchain is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 2020-01-01: before the first on-chain prediction market this data comes from,
--              to 2100-01-01: 'infinity' and typos of the year are refused.
-- On a hypertable, '-infinity' never reaches a constraint: TimescaleDB refuses it
-- first (22008, timestamp out of range) while routing the row to a chunk.

-- DROP CONSTRAINT IF EXISTS removes only this change's own constraint, left NOT VALID
-- by an earlier run whose validation failed: the deploy can be run again.
-- squawk-ignore-file ban-drop-constraint

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.assert_checks_addable('onchain/row_rules', ARRAY['onchain.price_snapshots', 'onchain.orderbook_snapshots', 'onchain.trades']::regclass[]);

ALTER TABLE onchain.markets
    DROP CONSTRAINT IF EXISTS markets_token_id_length,
    ADD CONSTRAINT markets_token_id_length CHECK (length(token_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_condition_id_not_blank,
    ADD CONSTRAINT markets_condition_id_not_blank CHECK (btrim(condition_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_condition_id_length,
    ADD CONSTRAINT markets_condition_id_length CHECK (length(condition_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_question_length,
    ADD CONSTRAINT markets_question_length CHECK (length(question) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_outcome_not_blank,
    ADD CONSTRAINT markets_outcome_not_blank CHECK (btrim(outcome) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_outcome_length,
    ADD CONSTRAINT markets_outcome_length CHECK (length(outcome) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_market_slug_not_blank,
    ADD CONSTRAINT markets_market_slug_not_blank CHECK (btrim(market_slug) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_market_slug_length,
    ADD CONSTRAINT markets_market_slug_length CHECK (length(market_slug) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_end_date_plausible,
    ADD CONSTRAINT markets_end_date_plausible CHECK (end_date >= '2020-01-01 00:00+00' AND end_date < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE onchain.resolutions
    DROP CONSTRAINT IF EXISTS resolutions_source_not_blank,
    ADD CONSTRAINT resolutions_source_not_blank CHECK (btrim(source) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS resolutions_source_length,
    ADD CONSTRAINT resolutions_source_length CHECK (length(source) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS resolutions_resolved_at_plausible,
    ADD CONSTRAINT resolutions_resolved_at_plausible CHECK (resolved_at >= '2020-01-01 00:00+00' AND resolved_at < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE onchain.price_snapshots
    DROP CONSTRAINT IF EXISTS price_snapshots_token_id_not_blank,
    ADD CONSTRAINT price_snapshots_token_id_not_blank CHECK (btrim(token_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS price_snapshots_token_id_length,
    ADD CONSTRAINT price_snapshots_token_id_length CHECK (length(token_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS price_snapshots_ts_plausible,
    ADD CONSTRAINT price_snapshots_ts_plausible CHECK (ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE onchain.orderbook_snapshots
    DROP CONSTRAINT IF EXISTS orderbook_snapshots_token_id_not_blank,
    ADD CONSTRAINT orderbook_snapshots_token_id_not_blank CHECK (btrim(token_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS orderbook_snapshots_token_id_length,
    ADD CONSTRAINT orderbook_snapshots_token_id_length CHECK (length(token_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS orderbook_snapshots_ts_plausible,
    ADD CONSTRAINT orderbook_snapshots_ts_plausible CHECK (ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE onchain.trades
    DROP CONSTRAINT IF EXISTS trades_trade_id_not_blank,
    ADD CONSTRAINT trades_trade_id_not_blank CHECK (btrim(trade_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_trade_id_length,
    ADD CONSTRAINT trades_trade_id_length CHECK (length(trade_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_token_id_not_blank,
    ADD CONSTRAINT trades_token_id_not_blank CHECK (btrim(token_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_token_id_length,
    ADD CONSTRAINT trades_token_id_length CHECK (length(token_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_ts_plausible,
    ADD CONSTRAINT trades_ts_plausible CHECK (ts >= '2020-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_size_finite,
    ADD CONSTRAINT trades_size_finite CHECK (size > '-Infinity' AND size < 'Infinity') NOT VALID;

COMMIT;

-- Each VALIDATE commits on its own, on purpose (see the header).
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_token_id_length;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_condition_id_not_blank;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_condition_id_length;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_question_length;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_outcome_not_blank;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_outcome_length;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_market_slug_not_blank;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_market_slug_length;
ALTER TABLE onchain.markets VALIDATE CONSTRAINT markets_end_date_plausible;
ALTER TABLE onchain.resolutions VALIDATE CONSTRAINT resolutions_source_not_blank;
ALTER TABLE onchain.resolutions VALIDATE CONSTRAINT resolutions_source_length;
ALTER TABLE onchain.resolutions VALIDATE CONSTRAINT resolutions_resolved_at_plausible;
ALTER TABLE onchain.price_snapshots VALIDATE CONSTRAINT price_snapshots_token_id_not_blank;
ALTER TABLE onchain.price_snapshots VALIDATE CONSTRAINT price_snapshots_token_id_length;
ALTER TABLE onchain.price_snapshots VALIDATE CONSTRAINT price_snapshots_ts_plausible;
ALTER TABLE onchain.orderbook_snapshots VALIDATE CONSTRAINT orderbook_snapshots_token_id_not_blank;
ALTER TABLE onchain.orderbook_snapshots VALIDATE CONSTRAINT orderbook_snapshots_token_id_length;
ALTER TABLE onchain.orderbook_snapshots VALIDATE CONSTRAINT orderbook_snapshots_ts_plausible;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_trade_id_not_blank;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_trade_id_length;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_token_id_not_blank;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_token_id_length;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_ts_plausible;
ALTER TABLE onchain.trades VALIDATE CONSTRAINT trades_size_finite;
RESET ROLE;
RESET lock_timeout;
