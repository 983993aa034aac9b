-- Deploy marketdb:onchain/trades to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE onchain.trades (
    -- Fills read from the chain have an id; some feeds give none, so it is nullable.
    trade_id   text,
    token_id   text           NOT NULL,
    ts         timestamptz    NOT NULL,
    price      numeric(8, 6)  NOT NULL,
    size       numeric(20, 6) NOT NULL,
    side       text           NOT NULL,
    created_at timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT trades_price_range CHECK (price BETWEEN 0 AND 1),
    CONSTRAINT trades_size_positive CHECK (size > 0),
    CONSTRAINT trades_side_known CHECK (side IN ('buy', 'sell'))
);

COMMENT ON TABLE onchain.trades IS 'Fills of outcome tokens (hypertable, 1 day chunks, 90 days)';

-- 1 day chunks, as price_snapshots: similar volume, same reads.
SELECT timescaledb.create_hypertable('onchain.trades', timescaledb.by_range('ts', interval '1 day'),
                                     create_default_indexes => false);

-- A hypertable's unique index must include its time column, so the key is (trade_id, ts),
-- not trade_id alone; partial, because rows without an id cannot be deduplicated by one.
-- Writers use INSERT ... ON CONFLICT DO NOTHING.
CREATE UNIQUE INDEX trades_trade_id_ts_key ON onchain.trades (trade_id, ts) WHERE trade_id IS NOT NULL;
CREATE INDEX trades_token_id_ts_idx ON onchain.trades (token_id, ts DESC);
CREATE INDEX trades_ts_idx ON onchain.trades (ts DESC);

SELECT maintenance.enable_compression('onchain.trades', 'token_id', 'ts DESC', interval '7 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('onchain.trades', interval '90 days');

COMMIT;
