-- Deploy marketdb:equities/row_rules to pg
-- requires: equities/seed_names
-- requires: equities/assets
-- requires: maintenance/constraint_guard
-- non-transactional: the rules are added in one transaction (brief locks, no scan: NOT
-- VALID), then validated table by table, each in a transaction of its own, while writers
-- go on (VALIDATE takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its
-- validation naming the constraint and is left as it was; the rule stays NOT VALID,
-- checking new rows, until the row is fixed and the deploy is run again (it re-adds the
-- rules and validates them). maintenance.add_checks says how hypertables differ.

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

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

SELECT maintenance.add_checks('equities/row_rules', 'equities.assets', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'assets_symbol_length',                $$length(symbol) <= 32$$),
    ( 2, 'assets_exchange_not_blank',           $$btrim(exchange) <> ''$$),
    ( 3, 'assets_exchange_length',              $$length(exchange) <= 64$$),
    ( 4, 'assets_last_synced_plausible',        $$last_synced >= '2000-01-01 00:00+00' AND last_synced < '2100-01-01 00:00+00'$$),
    ( 5, 'assets_sync_claimed_until_plausible', $$sync_claimed_until >= '2000-01-01 00:00+00' AND sync_claimed_until < '2100-01-01 00:00+00'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('equities/row_rules', 'equities.market_data', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'market_data_time_plausible',        $$"time" >= '1900-01-01 00:00+00' AND "time" < '2100-01-01 00:00+00'$$),
    ( 2, 'market_data_open_finite',           $$open > '-Infinity' AND open < 'Infinity'$$),
    ( 3, 'market_data_high_finite',           $$high > '-Infinity' AND high < 'Infinity'$$),
    ( 4, 'market_data_low_finite',            $$low > '-Infinity' AND low < 'Infinity'$$),
    ( 5, 'market_data_close_finite',          $$close > '-Infinity' AND close < 'Infinity'$$),
    ( 6, 'market_data_adjusted_close_finite', $$adjusted_close > '-Infinity' AND adjusted_close < 'Infinity'$$)
  ) AS rule (n, name, expression);

SELECT maintenance.add_checks('equities/row_rules', 'equities.corporate_actions', array_agg(name ORDER BY n), array_agg(expression ORDER BY n))
  FROM (VALUES
    ( 1, 'corporate_actions_date_plausible', $$"date" >= '1900-01-01' AND "date" < '2100-01-01'$$),
    ( 2, 'corporate_actions_value_finite',   $$value > '-Infinity' AND value < 'Infinity'$$)
  ) AS rule (n, name, expression);

COMMIT;

-- One transaction per table, on purpose (see the header).
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
SELECT maintenance.validate_checks('equities.assets', ARRAY[
    'assets_symbol_length',
    'assets_exchange_not_blank',
    'assets_exchange_length',
    'assets_last_synced_plausible',
    'assets_sync_claimed_until_plausible']);
SELECT maintenance.validate_checks('equities.market_data', ARRAY[
    'market_data_time_plausible',
    'market_data_open_finite',
    'market_data_high_finite',
    'market_data_low_finite',
    'market_data_close_finite',
    'market_data_adjusted_close_finite']);
SELECT maintenance.validate_checks('equities.corporate_actions', ARRAY[
    'corporate_actions_date_plausible',
    'corporate_actions_value_finite']);
RESET ROLE;
RESET lock_timeout;
