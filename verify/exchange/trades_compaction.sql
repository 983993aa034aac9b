-- Verify marketdb:exchange/trades_compaction on pg

BEGIN;

-- Merged 3 days after the month ends (unless an owner chose otherwise).
SELECT 1 / (count(*) = 1)::integer FROM maintenance.policy WHERE parent_table = 'exchange.trades' AND compact_after IS NOT NULL;

ROLLBACK;
