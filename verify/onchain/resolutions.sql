-- Verify marketdb:onchain/resolutions on pg

BEGIN;

SELECT token_id, outcome, payout, resolved_at, source, created_at
  FROM onchain.resolutions
 WHERE false;

ROLLBACK;
