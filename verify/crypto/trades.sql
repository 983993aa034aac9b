-- Verify marketdb:crypto/trades on pg

BEGIN;

-- Columns a later change renames (the seeds' names) are left out: a verify must hold for
-- the whole deployed plan (`sqitch verify`), and still fails while the table is missing.

SELECT symbol, trade_id, price, quantity, side, created_at FROM crypto.trades WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'trades';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.trades';

ROLLBACK;
