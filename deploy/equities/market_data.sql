-- Deploy marketdb:equities/market_data to pg
-- requires: equities/assets
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Prices NUMERIC(12,4): exact, to the vendor's four decimals, up to 99,999,999.9999.
-- adjusted_close is stored as the vendor delivers it, not derived here: the vendor adjusts
-- for every split and dividend since the listing, including actions before our history
-- starts, which equities.corporate_actions cannot reproduce; and the factor changes
-- retroactively on each new action, so a derived view would rescan all history per read.
CREATE TABLE equities.market_data (
    ts             timestamptz    NOT NULL,
    symbol         text           NOT NULL,
    open           numeric(12, 4) NOT NULL,
    high           numeric(12, 4) NOT NULL,
    low            numeric(12, 4) NOT NULL,
    close          numeric(12, 4) NOT NULL,
    adjusted_close numeric(12, 4) NOT NULL,
    volume         bigint         NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT market_data_pkey PRIMARY KEY (ts, symbol),
    CONSTRAINT market_data_symbol_fkey FOREIGN KEY (symbol) REFERENCES equities.assets (symbol),
    CONSTRAINT market_data_prices_positive CHECK (open > 0 AND high > 0 AND low > 0 AND close > 0 AND adjusted_close > 0),
    CONSTRAINT market_data_high_not_below_open_close CHECK (high >= greatest(open, close)),
    CONSTRAINT market_data_low_not_above_open_close CHECK (low <= least(open, close)),
    CONSTRAINT market_data_volume_not_negative CHECK (volume >= 0),
    -- End-of-day bars are stamped at 00:00 UTC of their trading date.
    CONSTRAINT market_data_ts_is_a_date CHECK (ts = date_trunc('day', ts, 'UTC'))
);

COMMENT ON TABLE equities.market_data IS 'End-of-day bars (hypertable, 1 month chunks, kept)';

-- 1 month chunks: ~50,000 symbols x ~21 trading days is about a million rows a month.
SELECT timescaledb.create_hypertable('equities.market_data', timescaledb.by_range('ts', interval '1 month'),
                                     create_default_indexes => false);

-- B-tree, not BRIN, on (symbol, ts): the common read is one symbol's history, and a day's
-- rows of all symbols arrive together, so a BRIN summary of any block range spans every
-- symbol and excludes nothing. The primary key (ts, symbol) serves whole-market days.
CREATE INDEX market_data_symbol_ts_idx ON equities.market_data (symbol, ts DESC);

SELECT maintenance.enable_compression('equities.market_data', 'symbol', 'ts DESC', interval '30 days') AS compressed;

-- End-of-day history is small and is what backtests need most: no retention.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('equities.market_data', NULL);

COMMIT;
