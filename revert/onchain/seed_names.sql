-- Revert marketdb:onchain/seed_names from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- squawk-ignore-file require-concurrent-index-creation
-- squawk-ignore-file require-concurrent-index-deletion
CREATE INDEX markets_active_end_date_idx_old ON onchain.markets (end_date) WHERE active AND NOT closed;
DROP INDEX onchain.markets_active_end_date_idx;
ALTER INDEX onchain.markets_active_end_date_idx_old RENAME TO markets_active_end_date_idx;

ALTER INDEX onchain.idx_trades_trade_id RENAME TO trades_trade_id_ts_key;

COMMIT;
