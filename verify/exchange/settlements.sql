-- Verify marketdb:exchange/settlements on pg

BEGIN;

SELECT ticker, event_ticker, series_ticker, result, settlement_value, settled_at, created_at
  FROM exchange.settlements
 WHERE false;

ROLLBACK;
