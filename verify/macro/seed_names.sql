-- Verify marketdb:macro/seed_names on pg

BEGIN;

-- The seed's names (each fails before the change).
SELECT id, ticker FROM macro.instruments WHERE false;
SELECT id, name, rate_limit FROM macro.data_sources WHERE false;
SELECT id, source_id, series_code FROM macro.series_metadata WHERE false;
SELECT id, instrument_id, "timestamp", close FROM macro.market_data WHERE false;
SELECT 'macro.market_data_timestamp_idx'::regclass;

ROLLBACK;
