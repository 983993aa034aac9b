-- Deploy marketdb:macro/instruments to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE macro.instruments (
    instrument_id bigint      GENERATED ALWAYS AS IDENTITY,
    ticker        text        NOT NULL,
    asset_class   text        NOT NULL,
    -- ISO 3166-1 alpha-2; NULL for supranational instruments.
    country       text,
    -- ISO 4217.
    currency      text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instruments_pkey PRIMARY KEY (instrument_id),
    CONSTRAINT instruments_ticker_key UNIQUE (ticker),
    CONSTRAINT instruments_ticker_not_blank CHECK (btrim(ticker) <> ''),
    CONSTRAINT instruments_asset_class_known CHECK (
        asset_class IN ('equity_index', 'rates', 'fx', 'commodity', 'credit', 'volatility', 'crypto', 'other')),
    CONSTRAINT instruments_country_iso CHECK (country ~ '^[A-Z]{2}$'),
    CONSTRAINT instruments_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
);

COMMENT ON TABLE macro.instruments IS 'Tradable instruments the macro desk follows';

COMMIT;
