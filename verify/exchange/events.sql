-- Verify marketdb:exchange/events on pg

BEGIN;

SELECT event_ticker, series_ticker, title, sub_title, category, status, strike_date, mutually_exclusive, created_at, updated_at
  FROM exchange.events
 WHERE false;

ROLLBACK;
