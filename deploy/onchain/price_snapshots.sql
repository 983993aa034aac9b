-- Deploy marketdb:onchain/price_snapshots to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Prices are probabilities in 0..1 (a token pays 1 if its outcome wins), NUMERIC as every price.
CREATE TABLE onchain.price_snapshots (
    token_id   text          NOT NULL,
    ts         timestamptz   NOT NULL,
    price      numeric(8, 6) NOT NULL,
    best_bid   numeric(8, 6),
    best_ask   numeric(8, 6),
    created_at timestamptz   NOT NULL DEFAULT now(),
    -- A hypertable's unique keys must include its time column: (token_id, ts) is also the
    -- natural key that makes ingestion idempotent with ON CONFLICT DO NOTHING.
    CONSTRAINT price_snapshots_pkey PRIMARY KEY (token_id, ts),
    CONSTRAINT price_snapshots_price_range CHECK (price BETWEEN 0 AND 1),
    CONSTRAINT price_snapshots_best_bid_range CHECK (best_bid BETWEEN 0 AND 1),
    CONSTRAINT price_snapshots_best_ask_range CHECK (best_ask BETWEEN 0 AND 1),
    CONSTRAINT price_snapshots_bid_not_above_ask CHECK (best_bid <= best_ask)
);

COMMENT ON TABLE onchain.price_snapshots IS 'Price of each outcome token over time (hypertable, 1 day chunks, 90 days)';

-- 1 day chunks: snapshots every few seconds for thousands of tokens make a day the size at
-- which a chunk and its indexes stay in memory while being written.
SELECT timescaledb.create_hypertable('onchain.price_snapshots', timescaledb.by_range('ts', interval '1 day'),
                                     create_default_indexes => false);

-- Cross-token windows ("every price in the last hour") read by time alone.
CREATE INDEX price_snapshots_ts_idx ON onchain.price_snapshots (ts DESC);

SELECT maintenance.enable_compression('onchain.price_snapshots', 'token_id', 'ts DESC', interval '7 days') AS compressed;

-- 90 days online: long enough for every backtest window the desks use.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('onchain.price_snapshots', interval '90 days');

COMMIT;
