-- Deploy marketdb:equities/assets to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE equities.assets (
    -- TICKER.EXCHANGE, as the end-of-day vendor names them: AAPL.US, BRK-B.US, VOD.LSE.
    symbol             text        NOT NULL,
    exchange           text        NOT NULL,
    asset_type         text        NOT NULL,
    is_active          boolean     NOT NULL DEFAULT true,
    -- When the last successful sync of this asset's prices finished; NULL: never synced.
    last_synced        timestamptz,
    -- Set while a sync worker holds the asset (equities.claim_assets_for_sync); a worker
    -- that dies leaves it to expire, and the asset becomes due again.
    sync_claimed_until timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assets_pkey PRIMARY KEY (symbol),
    CONSTRAINT assets_symbol_format CHECK (symbol ~ '^[A-Z0-9][A-Z0-9&-]*(\.[A-Z0-9][A-Z0-9&-]*)*\.[A-Z]{2,6}$'),
    CONSTRAINT assets_asset_type_known CHECK (asset_type IN ('common_stock', 'preferred_stock', 'etf', 'fund', 'index', 'other'))
);

COMMENT ON TABLE equities.assets IS 'End-of-day equities universe; last_synced drives incremental sync';

-- Serves the "due for sync" scan: active assets, least recently synced first.
CREATE INDEX assets_sync_due_idx ON equities.assets (last_synced NULLS FIRST, symbol) WHERE is_active;

COMMIT;
