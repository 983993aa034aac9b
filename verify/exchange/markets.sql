-- Verify marketdb:exchange/markets on pg

BEGIN;

SELECT ticker, event_ticker, series_ticker, title, status, open_time, close_time, expiration_time, created_at, updated_at
  FROM exchange.markets
 WHERE false;

ROLLBACK;
