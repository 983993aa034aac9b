-- Deploy marketdb:crypto/trades to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE crypto.trades (
    symbol         text        NOT NULL,
    ts             timestamptz NOT NULL,
    -- The exchange's id, as text: ids are numbers on some venues and UUIDs on others.
    trade_id       text        NOT NULL,
    price          numeric     NOT NULL,
    quantity       numeric     NOT NULL,
    buyer_is_maker boolean     NOT NULL,
    side           text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- The primary key must include the time column on a hypertable; (symbol, ts, trade_id)
    -- is unique per venue feed and serves symbol + time reads.
    CONSTRAINT trades_pkey PRIMARY KEY (symbol, ts, trade_id),
    CONSTRAINT trades_price_positive CHECK (price > 0),
    CONSTRAINT trades_quantity_positive CHECK (quantity > 0),
    CONSTRAINT trades_side_known CHECK (side IN ('buy', 'sell'))
);

COMMENT ON TABLE crypto.trades IS 'Exchange trades per symbol (hypertable, 3 day chunks, 30 days)';

-- 3 day chunks: the highest-volume feed (millions of rows a day on busy symbols); smaller
-- chunks keep the active one in memory and make retention drop in small steps.
SELECT timescaledb.create_hypertable('crypto.trades', timescaledb.by_range('ts', interval '3 days'),
                                     create_default_indexes => false);

CREATE INDEX trades_ts_idx ON crypto.trades (ts DESC);

SELECT maintenance.enable_compression('crypto.trades', 'symbol', 'ts DESC', interval '7 days') AS compressed;

-- 30 days: raw trades are for recent microstructure work; candles keep the long history.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('crypto.trades', interval '30 days');

COMMIT;
