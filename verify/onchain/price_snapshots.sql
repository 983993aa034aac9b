-- Verify marketdb:onchain/price_snapshots on pg

BEGIN;

SELECT token_id, ts, price, best_bid, best_ask, created_at FROM onchain.price_snapshots WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'onchain' AND hypertable_name = 'price_snapshots';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'onchain.price_snapshots';

ROLLBACK;
