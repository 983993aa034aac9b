-- Verify marketdb:macro/series_metadata on pg

BEGIN;

SELECT series_id, source_id, series_code, frequency, unit, description, created_at, updated_at FROM macro.series_metadata WHERE false;

ROLLBACK;
