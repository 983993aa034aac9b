-- Deploy marketdb:exchange/orderbook_deltas to pg
-- requires: core/schemas
-- requires: maintenance/partitions

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- One row per change of resting quantity at a price level, in the exchange's sequence.
-- Prices are cents, NUMERIC as everywhere (see exchange/trades); delta is signed contracts.
CREATE TABLE exchange.orderbook_deltas (
    ticker     text          NOT NULL,
    ts         timestamptz   NOT NULL,
    seq        bigint        NOT NULL,
    side       text          NOT NULL,
    price      numeric(5, 2) NOT NULL,
    delta      integer       NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT orderbook_deltas_seq_not_negative CHECK (seq >= 0),
    CONSTRAINT orderbook_deltas_side_known CHECK (side IN ('yes', 'no')),
    CONSTRAINT orderbook_deltas_price_range CHECK (price BETWEEN 1 AND 99),
    CONSTRAINT orderbook_deltas_delta_nonzero CHECK (delta <> 0),
    -- The feed's own key is (ticker, seq); ts is added because a partitioned table's unique
    -- constraint must include the partition key.
    CONSTRAINT orderbook_deltas_ticker_seq_ts_key UNIQUE (ticker, seq, ts)
) PARTITION BY RANGE (ts);

COMMENT ON TABLE exchange.orderbook_deltas IS
    'Order-book changes; one partition per UTC day (orderbook_deltas_pYYYYMMDD), plus orderbook_deltas_default';

CREATE TABLE exchange.orderbook_deltas_default PARTITION OF exchange.orderbook_deltas DEFAULT;

CREATE INDEX orderbook_deltas_ticker_ts_idx ON exchange.orderbook_deltas (ticker, ts DESC);

-- The highest-volume table: 90 days online, then detached (not dropped) so older days can be
-- archived to cheaper storage before someone drops them.
SELECT parent_table AS registered, premake_days, retention, retention_action
  FROM maintenance.register_partitioned_table(
    'exchange.orderbook_deltas', p_premake_days => 7, p_retention => interval '90 days', p_retention_action => 'detach');

COMMIT;
