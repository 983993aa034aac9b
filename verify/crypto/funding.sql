-- Verify marketdb:crypto/funding on pg

BEGIN;

SELECT symbol, ts, rate, rate_annualized, payment, created_at FROM crypto.funding WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'funding';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.funding';

ROLLBACK;
