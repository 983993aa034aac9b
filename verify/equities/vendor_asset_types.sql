-- Verify marketdb:equities/vendor_asset_types on pg

BEGIN;

SELECT 1 / count(*) FROM pg_constraint
 WHERE conrelid = 'equities.assets'::regclass AND conname = 'assets_asset_type_named';
SELECT 1 / (count(*) = 0)::integer FROM pg_constraint
 WHERE conrelid = 'equities.assets'::regclass AND conname = 'assets_asset_type_known';

ROLLBACK;
