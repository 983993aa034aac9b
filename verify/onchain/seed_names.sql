-- Verify marketdb:onchain/seed_names on pg

BEGIN;

SELECT 'onchain.idx_trades_trade_id'::regclass;
-- The active-markets index's predicate is `active` alone.
SELECT 1 / (pg_get_expr(i.indpred, i.indrelid) = 'active')::integer
  FROM pg_index AS i
 WHERE i.indexrelid = 'onchain.markets_active_end_date_idx'::regclass;

ROLLBACK;
