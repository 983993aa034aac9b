-- Verify marketdb:onchain/markets on pg

BEGIN;

SELECT token_id, condition_id, question, outcome, market_slug, active, closed, end_date, created_at, updated_at
  FROM onchain.markets
 WHERE false;

ROLLBACK;
