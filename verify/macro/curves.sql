-- Verify marketdb:macro/curves on pg

BEGIN;

SELECT id, curve_id, curve_date, tenor, rate, created_at FROM macro.curves WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'curves';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.curves';

ROLLBACK;
