-- Verify marketdb:crypto/oi_snapshots on pg

BEGIN;

SELECT symbol, ts, open_interest, open_interest_usd, created_at FROM crypto.oi_snapshots WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'oi_snapshots';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.oi_snapshots';

ROLLBACK;
