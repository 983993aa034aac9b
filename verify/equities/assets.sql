-- Verify marketdb:equities/assets on pg

BEGIN;

SELECT symbol, exchange, asset_type, is_active, last_synced, sync_claimed_until, created_at, updated_at FROM equities.assets WHERE false;

ROLLBACK;
