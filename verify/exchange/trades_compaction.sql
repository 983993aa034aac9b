-- Verify marketdb:exchange/trades_compaction on pg

BEGIN;

-- No longer at the 35 days maintenance/compaction shipped (3 days, or an owner's choice).
SELECT 1 / (count(*) = 1)::integer FROM maintenance.policy
 WHERE parent_table = 'exchange.trades' AND compact_after IS DISTINCT FROM interval '35 days';

ROLLBACK;
