-- Verify marketdb:macro/series_one_index on pg

BEGIN;

SELECT 1 / (to_regclass('macro.macro_series_as_of_idx') IS NULL)::integer;
SELECT 'macro.macro_series_release_key'::regclass;

ROLLBACK;
