-- Deploy marketdb:exchange/trades to pg
-- requires: core/schemas
-- requires: maintenance/partitions

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Prices are in cents of a 100-cent contract, NUMERIC like every price here (never float);
-- two decimals leave room for the sub-cent ticks the exchange quotes on some markets.
CREATE TABLE exchange.trades (
    trade_id   text        NOT NULL,
    ticker     text        NOT NULL,
    ts         timestamptz NOT NULL,
    yes_price  numeric(5, 2) NOT NULL,
    no_price   numeric(5, 2) NOT NULL,
    count      integer       NOT NULL,
    taker_side text          NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- no_price in 1..99 follows from these two. PostgreSQL checks constraints in name order,
    -- so a separate no-price range check would report itself instead of the yes-price one.
    CONSTRAINT trades_yes_price_range CHECK (yes_price BETWEEN 1 AND 99),
    CONSTRAINT trades_prices_sum_to_100 CHECK (yes_price + no_price = 100),
    CONSTRAINT trades_count_positive CHECK (count > 0),
    CONSTRAINT trades_taker_side_known CHECK (taker_side IN ('yes', 'no')),
    -- A unique constraint on a partitioned table must include the partition key, so the
    -- natural key is (trade_id, ts); ingestion relies on it for ON CONFLICT DO NOTHING.
    CONSTRAINT trades_trade_id_ts_key UNIQUE (trade_id, ts)
) PARTITION BY RANGE (ts);

COMMENT ON TABLE exchange.trades IS
    'Executed trades; one partition per UTC day (trades_pYYYYMMDD) made by maintenance, plus trades_default';

-- Rows for a day without a partition land here instead of failing; maintenance moves them out.
CREATE TABLE exchange.trades_default PARTITION OF exchange.trades DEFAULT;

CREATE INDEX trades_ticker_ts_idx ON exchange.trades (ticker, ts DESC);

-- Trades are the record of the market: kept forever (no retention). Registering makes the
-- partitions for yesterday through today + 7 with the function operations run daily.
SELECT parent_table AS registered, premake_days, retention, retention_action
  FROM maintenance.register_partitioned_table('exchange.trades', p_premake_days => 7);

COMMIT;
