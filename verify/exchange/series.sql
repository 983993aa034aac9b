-- Verify marketdb:exchange/series on pg

BEGIN;

SELECT series_ticker, title, category, frequency, tags, created_at, updated_at
  FROM exchange.series
 WHERE false;

ROLLBACK;
