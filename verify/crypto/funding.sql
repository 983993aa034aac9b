-- Verify marketdb:crypto/funding on pg

BEGIN;

-- Columns a later change renames (the seeds' names) are left out: a verify must hold for
-- the whole deployed plan (`sqitch verify`), and still fails while the table is missing.

SELECT symbol, rate_annualized, payment, created_at FROM crypto.funding WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'funding';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.funding';

ROLLBACK;
