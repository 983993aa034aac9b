-- Deploy marketdb:equities/corporate_actions to pg
-- requires: equities/assets

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE equities.corporate_actions (
    action_date date           NOT NULL,
    symbol      text           NOT NULL,
    action_type text           NOT NULL,
    -- split: new shares per old share (4 for a 4-for-1, 0.1 for a 1-for-10 reverse split);
    -- dividend: cash per share, in currency.
    value       numeric(18, 8) NOT NULL,
    currency    text,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT corporate_actions_pkey PRIMARY KEY (action_date, symbol, action_type),
    CONSTRAINT corporate_actions_symbol_fkey FOREIGN KEY (symbol) REFERENCES equities.assets (symbol),
    CONSTRAINT corporate_actions_action_type_known CHECK (action_type IN ('split', 'dividend')),
    CONSTRAINT corporate_actions_value_positive CHECK (value > 0),
    -- A dividend is an amount and needs its currency; a split is a ratio and has none.
    CONSTRAINT corporate_actions_currency_for_dividends CHECK ((action_type = 'dividend') = (currency IS NOT NULL)),
    CONSTRAINT corporate_actions_currency_iso CHECK (currency ~ '^[A-Z]{3}$')
);

COMMENT ON TABLE equities.corporate_actions IS 'Splits and dividends per symbol and date';

CREATE INDEX corporate_actions_symbol_date_idx ON equities.corporate_actions (symbol, action_date DESC);

COMMIT;
