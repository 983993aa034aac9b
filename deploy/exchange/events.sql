-- Deploy marketdb:exchange/events to pg
-- requires: exchange/series

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- series_ticker links to exchange.series by value, without a foreign key (see exchange/series).
CREATE TABLE exchange.events (
    event_ticker       text        NOT NULL,
    series_ticker      text        NOT NULL,
    title              text        NOT NULL,
    sub_title          text,
    category           text,
    status             text        NOT NULL DEFAULT 'unopened',
    strike_date        timestamptz,
    mutually_exclusive boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_pkey PRIMARY KEY (event_ticker),
    CONSTRAINT events_ticker_not_blank CHECK (btrim(event_ticker) <> ''),
    CONSTRAINT events_status_known CHECK (status IN ('unopened', 'open', 'closed', 'settled'))
);

COMMENT ON TABLE exchange.events IS 'Events of a series; mutually_exclusive: at most one market of the event settles yes';

CREATE INDEX events_category_idx ON exchange.events (category);
CREATE INDEX events_status_idx ON exchange.events (status);
CREATE INDEX events_series_ticker_idx ON exchange.events (series_ticker);

COMMIT;
