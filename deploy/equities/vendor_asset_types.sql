-- Deploy marketdb:equities/vendor_asset_types to pg
-- requires: equities/assets

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The loader stores the asset type as the vendor sends it ('Common Stock', 'ETF', 'FUND',
-- 'Preferred Stock', ...), and the vendor adds types without notice: a closed list of
-- marketdb's own codes rejected every real row. The rule is now what any type must be: a
-- name, not blank, of sensible length.
-- The old rule goes on purpose; assets is a small metadata table, so the new check's scan
-- is short.
-- squawk-ignore-file ban-drop-constraint
-- squawk-ignore-file constraint-missing-not-valid
ALTER TABLE equities.assets DROP CONSTRAINT assets_asset_type_known;
ALTER TABLE equities.assets ADD CONSTRAINT assets_asset_type_named
    CHECK (btrim(asset_type) <> '' AND length(asset_type) <= 64);

COMMIT;
