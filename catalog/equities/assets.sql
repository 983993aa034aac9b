-- TABLE: assets
CREATE TABLE equities.assets (
    symbol text NOT NULL,
    exchange text NOT NULL,
    asset_type text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    last_synced timestamp with time zone,
    sync_claimed_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT assets_asset_type_named CHECK (((btrim(asset_type) <> ''::text) AND (length(asset_type) <= 64))),
    CONSTRAINT assets_exchange_length CHECK ((length(exchange) <= 64)),
    CONSTRAINT assets_exchange_not_blank CHECK ((btrim(exchange) <> ''::text)),
    CONSTRAINT assets_last_synced_plausible CHECK (((last_synced >= '2000-01-01 00:00:00+00'::timestamp with time zone) AND (last_synced < '2100-01-01 00:00:00+00'::timestamp with time zone))),
    CONSTRAINT assets_symbol_format CHECK ((symbol ~ '^[A-Z0-9][A-Z0-9&-]*(\.[A-Z0-9][A-Z0-9&-]*)*\.[A-Z]{2,6}$'::text)),
    CONSTRAINT assets_symbol_length CHECK ((length(symbol) <= 32)),
    CONSTRAINT assets_sync_claimed_until_plausible CHECK (((sync_claimed_until >= '2000-01-01 00:00:00+00'::timestamp with time zone) AND (sync_claimed_until < '2100-01-01 00:00:00+00'::timestamp with time zone)))
);


ALTER TABLE equities.assets OWNER TO marketdb_owner;
-- COMMENT: TABLE assets
COMMENT ON TABLE equities.assets IS 'End-of-day equities universe; last_synced drives incremental sync';
-- CONSTRAINT: assets assets_pkey
ALTER TABLE ONLY equities.assets
    ADD CONSTRAINT assets_pkey PRIMARY KEY (symbol);
-- INDEX: assets_sync_due_idx
CREATE INDEX assets_sync_due_idx ON equities.assets USING btree (last_synced NULLS FIRST, symbol) WHERE is_active;
-- ACL: TABLE assets
GRANT SELECT,INSERT,UPDATE ON TABLE equities.assets TO marketdb_writer;
GRANT SELECT ON TABLE equities.assets TO marketdb_reader;
