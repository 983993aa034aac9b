-- Deploy marketdb:exchange/settlements to pg
-- requires: core/schemas

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Denormalised on purpose: event and series tickers are copied in so settlement queries
-- ("every yes result of series X last month") need no join, and there is no foreign key
-- (see exchange/series). One settlement per market.
CREATE TABLE exchange.settlements (
    ticker           text          NOT NULL,
    event_ticker     text          NOT NULL,
    series_ticker    text          NOT NULL,
    result           text          NOT NULL,
    -- Cents paid per yes contract: 100 for yes, 0 for no, anything in between for a void or
    -- scalar settlement. NUMERIC, as every price here.
    settlement_value numeric(7, 4) NOT NULL,
    settled_at       timestamptz   NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT settlements_pkey PRIMARY KEY (ticker),
    CONSTRAINT settlements_result_known CHECK (result IN ('yes', 'no', 'void')),
    CONSTRAINT settlements_value_range CHECK (settlement_value BETWEEN 0 AND 100)
);

COMMENT ON TABLE exchange.settlements IS 'Market results, denormalised with event and series tickers';

CREATE INDEX settlements_series_settled_idx ON exchange.settlements (series_ticker, settled_at DESC);
CREATE INDEX settlements_event_ticker_idx ON exchange.settlements (event_ticker);

COMMIT;
