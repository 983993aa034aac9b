-- Deploy marketdb:exchange/series to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Top of the exchange's hierarchy: series -> events -> markets. The levels are linked by
-- ticker columns only, without foreign keys: trade and order-book writers run at high
-- volume and must never wait on (or fail for) a reference row that arrives late.
CREATE TABLE exchange.series (
    series_ticker text        NOT NULL,
    title         text        NOT NULL,
    category      text,
    frequency     text,
    tags          text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT series_pkey PRIMARY KEY (series_ticker),
    CONSTRAINT series_ticker_not_blank CHECK (btrim(series_ticker) <> ''),
    CONSTRAINT series_title_not_blank CHECK (btrim(title) <> '')
);

COMMENT ON TABLE exchange.series IS 'Event-contract series (e.g. a recurring economic release)';

CREATE INDEX series_category_idx ON exchange.series (category);

COMMIT;
