-- Deploy marketdb:exchange/market_snapshots to pg
-- requires: core/schemas
-- requires: maintenance/partitions

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Periodic top-of-book and activity per market. Bid and ask are cents (NUMERIC, see
-- exchange/trades), 0 meaning no bid and 100 no ask, so an empty side is a value, not NULL.
CREATE TABLE exchange.market_snapshots (
    ticker        text          NOT NULL,
    ts            timestamptz   NOT NULL,
    yes_bid       numeric(5, 2) NOT NULL,
    yes_ask       numeric(5, 2) NOT NULL,
    last_price    numeric(5, 2),
    volume        bigint        NOT NULL DEFAULT 0,
    open_interest bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT market_snapshots_yes_bid_range CHECK (yes_bid BETWEEN 0 AND 100),
    CONSTRAINT market_snapshots_yes_ask_range CHECK (yes_ask BETWEEN 0 AND 100),
    CONSTRAINT market_snapshots_bid_not_above_ask CHECK (yes_bid <= yes_ask),
    CONSTRAINT market_snapshots_last_price_range CHECK (last_price BETWEEN 1 AND 99),
    CONSTRAINT market_snapshots_volume_not_negative CHECK (volume >= 0),
    CONSTRAINT market_snapshots_open_interest_not_negative CHECK (open_interest >= 0),
    CONSTRAINT market_snapshots_ticker_ts_key UNIQUE (ticker, ts)
) PARTITION BY RANGE (ts);

COMMENT ON TABLE exchange.market_snapshots IS
    'Market snapshots; one partition per UTC day (market_snapshots_pYYYYMMDD), plus market_snapshots_default';

CREATE TABLE exchange.market_snapshots_default PARTITION OF exchange.market_snapshots DEFAULT;

-- The unique (ticker, ts) index serves ticker+time reads ascending; this one serves the
-- common "latest snapshots of a ticker" read without a backward scan.
CREATE INDEX market_snapshots_ticker_ts_idx ON exchange.market_snapshots (ticker, ts DESC);

-- Snapshots can be rebuilt from trades and deltas: 180 days online, then dropped.
SELECT parent_table AS registered, premake_days, retention, retention_action
  FROM maintenance.register_partitioned_table(
    'exchange.market_snapshots', p_premake_days => 7, p_retention => interval '180 days', p_retention_action => 'drop');

COMMIT;
