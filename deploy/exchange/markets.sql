-- Deploy marketdb:exchange/markets to pg
-- requires: exchange/events

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- event_ticker and series_ticker link the hierarchy by value, without foreign keys (see
-- exchange/series). series_ticker is carried here too so market queries by series need no join.
CREATE TABLE exchange.markets (
    ticker          text        NOT NULL,
    event_ticker    text        NOT NULL,
    series_ticker   text        NOT NULL,
    title           text        NOT NULL,
    status          text        NOT NULL DEFAULT 'unopened',
    open_time       timestamptz,
    close_time      timestamptz,
    expiration_time timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT markets_pkey PRIMARY KEY (ticker),
    CONSTRAINT markets_ticker_not_blank CHECK (btrim(ticker) <> ''),
    CONSTRAINT markets_status_known CHECK (status IN ('unopened', 'open', 'closed', 'settled')),
    CONSTRAINT markets_close_after_open CHECK (close_time >= open_time),
    CONSTRAINT markets_expiration_after_close CHECK (expiration_time >= close_time)
);

COMMENT ON TABLE exchange.markets IS 'Binary markets of an event; ticker is what trades, deltas and snapshots reference';

CREATE INDEX markets_event_ticker_idx ON exchange.markets (event_ticker);
CREATE INDEX markets_series_ticker_idx ON exchange.markets (series_ticker);
CREATE INDEX markets_status_idx ON exchange.markets (status);

COMMIT;
