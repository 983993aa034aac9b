-- Revert marketdb:exchange/trades_compaction from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

UPDATE maintenance.policy SET compact_after = interval '35 days'
 WHERE parent_table = 'exchange.trades' AND compact_after = interval '3 days';

COMMIT;
