-- Revert marketdb:equities/vendor_asset_types from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Fails, and so keeps the change, while an asset has a type outside v0.1.0's list.
ALTER TABLE equities.assets DROP CONSTRAINT assets_asset_type_named;
ALTER TABLE equities.assets ADD CONSTRAINT assets_asset_type_known
    CHECK (asset_type IN ('common_stock', 'preferred_stock', 'etf', 'fund', 'index', 'other'));

COMMIT;
