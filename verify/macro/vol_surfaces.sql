-- Verify marketdb:macro/vol_surfaces on pg

BEGIN;

SELECT id, instrument_id, surface_date, tenor, strike, delta, implied_vol, created_at FROM macro.vol_surfaces WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'macro' AND hypertable_name = 'vol_surfaces';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'macro.vol_surfaces';

ROLLBACK;
