-- Verify marketdb:onchain/orderbook_snapshots on pg

BEGIN;

SELECT token_id, ts, bids, asks, created_at FROM onchain.orderbook_snapshots WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'onchain' AND hypertable_name = 'orderbook_snapshots';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'onchain.orderbook_snapshots';

ROLLBACK;
