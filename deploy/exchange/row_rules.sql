-- Deploy marketdb:exchange/row_rules to pg
-- requires: exchange/series
-- requires: exchange/events
-- requires: exchange/markets
-- requires: exchange/trades
-- requires: exchange/orderbook_deltas
-- requires: exchange/market_snapshots
-- requires: exchange/settlements
-- non-transactional: the constraints are added NOT VALID in one transaction (brief locks),
-- then validated one by one, each in its own transaction, while writers go on (VALIDATE
-- takes SHARE UPDATE EXCLUSIVE). A stored row that breaks a rule fails its VALIDATE naming
-- the constraint and is left as it was; the constraint stays NOT VALID, checking new rows,
-- and a deploy run again after the row is fixed re-adds and validates it.

-- Every bad row a writer can send to exchange is rejected by a CHECK named <table>_<column>_<rule>:
--   not_blank  identifiers and names hold more than spaces;
--   length     identifiers at most 64 (tickers, symbols) or 128 characters, names and
--              titles 1,000, descriptions 10,000, URLs 2,048: a longer value is a bug
--              upstream, and would otherwise fail at the index with an error naming no column;
--   finite     numbers are neither NaN nor +-Infinity (NaN sorts above every number, so
--              '> 0' and '>= 0' let it through);
--   plausible  times from 2018-01-01: before any data the exchange has, as its partition keys (exchange/time_window),
--              to 2100-01-01: 'infinity' and typos of the year are refused.

-- DROP CONSTRAINT IF EXISTS removes only this change's own constraint, left NOT VALID
-- by an earlier run whose validation failed: the deploy can be run again.
-- squawk-ignore-file ban-drop-constraint

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE exchange.series
    DROP CONSTRAINT IF EXISTS series_series_ticker_length,
    ADD CONSTRAINT series_series_ticker_length CHECK (length(series_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS series_title_length,
    ADD CONSTRAINT series_title_length CHECK (length(title) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS series_category_not_blank,
    ADD CONSTRAINT series_category_not_blank CHECK (btrim(category) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS series_category_length,
    ADD CONSTRAINT series_category_length CHECK (length(category) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS series_frequency_not_blank,
    ADD CONSTRAINT series_frequency_not_blank CHECK (btrim(frequency) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS series_frequency_length,
    ADD CONSTRAINT series_frequency_length CHECK (length(frequency) <= 64) NOT VALID;
ALTER TABLE exchange.events
    DROP CONSTRAINT IF EXISTS events_event_ticker_length,
    ADD CONSTRAINT events_event_ticker_length CHECK (length(event_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS events_series_ticker_not_blank,
    ADD CONSTRAINT events_series_ticker_not_blank CHECK (btrim(series_ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS events_series_ticker_length,
    ADD CONSTRAINT events_series_ticker_length CHECK (length(series_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS events_title_not_blank,
    ADD CONSTRAINT events_title_not_blank CHECK (btrim(title) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS events_title_length,
    ADD CONSTRAINT events_title_length CHECK (length(title) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS events_sub_title_length,
    ADD CONSTRAINT events_sub_title_length CHECK (length(sub_title) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS events_category_not_blank,
    ADD CONSTRAINT events_category_not_blank CHECK (btrim(category) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS events_category_length,
    ADD CONSTRAINT events_category_length CHECK (length(category) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS events_strike_date_plausible,
    ADD CONSTRAINT events_strike_date_plausible CHECK (strike_date >= '2018-01-01 00:00+00' AND strike_date < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE exchange.markets
    DROP CONSTRAINT IF EXISTS markets_ticker_length,
    ADD CONSTRAINT markets_ticker_length CHECK (length(ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_event_ticker_not_blank,
    ADD CONSTRAINT markets_event_ticker_not_blank CHECK (btrim(event_ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_event_ticker_length,
    ADD CONSTRAINT markets_event_ticker_length CHECK (length(event_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_series_ticker_not_blank,
    ADD CONSTRAINT markets_series_ticker_not_blank CHECK (btrim(series_ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_series_ticker_length,
    ADD CONSTRAINT markets_series_ticker_length CHECK (length(series_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_title_not_blank,
    ADD CONSTRAINT markets_title_not_blank CHECK (btrim(title) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_title_length,
    ADD CONSTRAINT markets_title_length CHECK (length(title) <= 1000) NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_open_time_plausible,
    ADD CONSTRAINT markets_open_time_plausible CHECK (open_time >= '2018-01-01 00:00+00' AND open_time < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_close_time_plausible,
    ADD CONSTRAINT markets_close_time_plausible CHECK (close_time >= '2018-01-01 00:00+00' AND close_time < '2100-01-01 00:00+00') NOT VALID,
    DROP CONSTRAINT IF EXISTS markets_expiration_time_plausible,
    ADD CONSTRAINT markets_expiration_time_plausible CHECK (expiration_time >= '2018-01-01 00:00+00' AND expiration_time < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE exchange.trades
    DROP CONSTRAINT IF EXISTS trades_trade_id_not_blank,
    ADD CONSTRAINT trades_trade_id_not_blank CHECK (btrim(trade_id) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_trade_id_length,
    ADD CONSTRAINT trades_trade_id_length CHECK (length(trade_id) <= 128) NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_ticker_not_blank,
    ADD CONSTRAINT trades_ticker_not_blank CHECK (btrim(ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS trades_ticker_length,
    ADD CONSTRAINT trades_ticker_length CHECK (length(ticker) <= 64) NOT VALID;
ALTER TABLE exchange.orderbook_deltas
    DROP CONSTRAINT IF EXISTS orderbook_deltas_ticker_not_blank,
    ADD CONSTRAINT orderbook_deltas_ticker_not_blank CHECK (btrim(ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS orderbook_deltas_ticker_length,
    ADD CONSTRAINT orderbook_deltas_ticker_length CHECK (length(ticker) <= 64) NOT VALID;
ALTER TABLE exchange.market_snapshots
    DROP CONSTRAINT IF EXISTS market_snapshots_ticker_not_blank,
    ADD CONSTRAINT market_snapshots_ticker_not_blank CHECK (btrim(ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS market_snapshots_ticker_length,
    ADD CONSTRAINT market_snapshots_ticker_length CHECK (length(ticker) <= 64) NOT VALID;
ALTER TABLE exchange.settlements
    DROP CONSTRAINT IF EXISTS settlements_ticker_not_blank,
    ADD CONSTRAINT settlements_ticker_not_blank CHECK (btrim(ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_ticker_length,
    ADD CONSTRAINT settlements_ticker_length CHECK (length(ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_event_ticker_not_blank,
    ADD CONSTRAINT settlements_event_ticker_not_blank CHECK (btrim(event_ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_event_ticker_length,
    ADD CONSTRAINT settlements_event_ticker_length CHECK (length(event_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_series_ticker_not_blank,
    ADD CONSTRAINT settlements_series_ticker_not_blank CHECK (btrim(series_ticker) <> '') NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_series_ticker_length,
    ADD CONSTRAINT settlements_series_ticker_length CHECK (length(series_ticker) <= 64) NOT VALID,
    DROP CONSTRAINT IF EXISTS settlements_settled_at_plausible,
    ADD CONSTRAINT settlements_settled_at_plausible CHECK (settled_at >= '2018-01-01 00:00+00' AND settled_at < '2100-01-01 00:00+00') NOT VALID;

COMMIT;

-- Each VALIDATE commits on its own, on purpose (see the header).
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_series_ticker_length;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_title_length;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_category_not_blank;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_category_length;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_frequency_not_blank;
ALTER TABLE exchange.series VALIDATE CONSTRAINT series_frequency_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_event_ticker_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_series_ticker_not_blank;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_series_ticker_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_title_not_blank;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_title_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_sub_title_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_category_not_blank;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_category_length;
ALTER TABLE exchange.events VALIDATE CONSTRAINT events_strike_date_plausible;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_ticker_length;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_event_ticker_not_blank;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_event_ticker_length;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_series_ticker_not_blank;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_series_ticker_length;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_title_not_blank;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_title_length;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_open_time_plausible;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_close_time_plausible;
ALTER TABLE exchange.markets VALIDATE CONSTRAINT markets_expiration_time_plausible;
ALTER TABLE exchange.trades VALIDATE CONSTRAINT trades_trade_id_not_blank;
ALTER TABLE exchange.trades VALIDATE CONSTRAINT trades_trade_id_length;
ALTER TABLE exchange.trades VALIDATE CONSTRAINT trades_ticker_not_blank;
ALTER TABLE exchange.trades VALIDATE CONSTRAINT trades_ticker_length;
ALTER TABLE exchange.orderbook_deltas VALIDATE CONSTRAINT orderbook_deltas_ticker_not_blank;
ALTER TABLE exchange.orderbook_deltas VALIDATE CONSTRAINT orderbook_deltas_ticker_length;
ALTER TABLE exchange.market_snapshots VALIDATE CONSTRAINT market_snapshots_ticker_not_blank;
ALTER TABLE exchange.market_snapshots VALIDATE CONSTRAINT market_snapshots_ticker_length;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_ticker_not_blank;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_ticker_length;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_event_ticker_not_blank;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_event_ticker_length;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_series_ticker_not_blank;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_series_ticker_length;
ALTER TABLE exchange.settlements VALIDATE CONSTRAINT settlements_settled_at_plausible;
RESET ROLE;
RESET lock_timeout;
