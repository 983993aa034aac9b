-- Deploy marketdb:onchain/orderbook_snapshots to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Each side is a JSONB array of [price, size] pairs, as the venue publishes the book: the
-- depth varies per snapshot and is read whole, so rows per level would only cost space.
-- The checks use strict jsonpath: lax mode would unwrap each [price, size] pair and accept
-- any shape.
CREATE TABLE onchain.orderbook_snapshots (
    token_id   text        NOT NULL,
    ts         timestamptz NOT NULL,
    bids       jsonb       NOT NULL,
    asks       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orderbook_snapshots_pkey PRIMARY KEY (token_id, ts),
    CONSTRAINT orderbook_snapshots_bids_levels CHECK (
        jsonb_typeof(bids) = 'array'
        AND NOT jsonb_path_exists(bids, 'strict $[*] ? (@.type() != "array" || @.size() != 2 || @[0].type() != "number" || @[1].type() != "number" || @[0] < 0 || @[0] > 1 || @[1] <= 0)')),
    CONSTRAINT orderbook_snapshots_asks_levels CHECK (
        jsonb_typeof(asks) = 'array'
        AND NOT jsonb_path_exists(asks, 'strict $[*] ? (@.type() != "array" || @.size() != 2 || @[0].type() != "number" || @[1].type() != "number" || @[0] < 0 || @[0] > 1 || @[1] <= 0)'))
);

COMMENT ON TABLE onchain.orderbook_snapshots IS
    'Order books of outcome tokens: bids and asks as JSONB arrays of [price, size] (hypertable, 7 day chunks, kept)';

-- 7 day chunks: snapshots are wide but sparse (one a minute per token); a day would make
-- many small chunks.
SELECT timescaledb.create_hypertable('onchain.orderbook_snapshots', timescaledb.by_range('ts', interval '7 days'),
                                     create_default_indexes => false);

CREATE INDEX orderbook_snapshots_ts_idx ON onchain.orderbook_snapshots (ts DESC);

SELECT maintenance.enable_compression('onchain.orderbook_snapshots', 'token_id', 'ts DESC', interval '7 days') AS compressed;

-- No retention: book history cannot be rebuilt from anything else (prices and trades do
-- not show resting liquidity) and it is what liquidity and slippage research replays.
-- Compressed, where the edition allows, it costs little.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('onchain.orderbook_snapshots', NULL);

COMMIT;
