-- Deploy marketdb:macro/market_data to pg
-- requires: macro/instruments
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Every macro hypertable has a surrogate id, and its primary key is (id, time) because a
-- hypertable's unique keys must include the time column; the natural key, also including
-- time, is what connectors write against with ON CONFLICT DO NOTHING.
CREATE TABLE macro.market_data (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    instrument_id bigint      NOT NULL,
    ts            timestamptz NOT NULL,
    open          numeric,
    high          numeric,
    low           numeric,
    close         numeric     NOT NULL,
    volume        numeric,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT market_data_pkey PRIMARY KEY (id, ts),
    CONSTRAINT market_data_instrument_ts_key UNIQUE (instrument_id, ts),
    -- Hypertable to plain table: allowed, and bars for an unknown instrument are a bug.
    CONSTRAINT market_data_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments (instrument_id),
    CONSTRAINT market_data_high_not_below_open_close CHECK (high >= greatest(open, close)),
    CONSTRAINT market_data_low_not_above_open_close CHECK (low <= least(open, close)),
    CONSTRAINT market_data_volume_not_negative CHECK (volume >= 0)
);

COMMENT ON TABLE macro.market_data IS 'Daily OHLCV bars of macro instruments (hypertable, 90 day chunks, kept)';

-- 90 day chunks: daily bars of a few thousand instruments are small; days would make
-- thousands of tiny chunks.
SELECT timescaledb.create_hypertable('macro.market_data', timescaledb.by_range('ts', interval '90 days'),
                                     create_default_indexes => false);

CREATE INDEX market_data_ts_idx ON macro.market_data (ts DESC);

SELECT maintenance.enable_compression('macro.market_data', 'instrument_id', 'ts DESC', interval '30 days') AS compressed;

-- Macro history is small and cannot be bought back cheaply: no retention.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.market_data', NULL);

COMMIT;
