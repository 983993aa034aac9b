-- Deploy marketdb:crypto/candles_1m to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Prices and volumes are unconstrained NUMERIC: exchanges quote from 1e-8 to 1e5 with
-- per-symbol precision, and NUMERIC keeps exactly what they sent.
CREATE TABLE crypto.candles_1m (
    symbol                 text        NOT NULL,
    -- Start of the minute the candle covers.
    ts                     timestamptz NOT NULL,
    open                   numeric     NOT NULL,
    high                   numeric     NOT NULL,
    low                    numeric     NOT NULL,
    close                  numeric     NOT NULL,
    volume                 numeric     NOT NULL,
    quote_volume           numeric,
    trade_count            bigint,
    taker_buy_volume       numeric,
    taker_buy_quote_volume numeric,
    created_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT candles_1m_pkey PRIMARY KEY (symbol, ts),
    CONSTRAINT candles_1m_prices_positive CHECK (open > 0 AND high > 0 AND low > 0 AND close > 0),
    CONSTRAINT candles_1m_high_not_below_open_close CHECK (high >= greatest(open, close)),
    CONSTRAINT candles_1m_low_not_above_open_close CHECK (low <= least(open, close)),
    CONSTRAINT candles_1m_volumes_not_negative CHECK (
        volume >= 0 AND quote_volume >= 0 AND taker_buy_volume >= 0 AND taker_buy_quote_volume >= 0),
    CONSTRAINT candles_1m_trade_count_not_negative CHECK (trade_count >= 0),
    CONSTRAINT candles_1m_taker_buy_within_volume CHECK (taker_buy_volume <= volume),
    CONSTRAINT candles_1m_ts_on_the_minute CHECK (ts = date_trunc('minute', ts, 'UTC'))
);

COMMENT ON TABLE crypto.candles_1m IS 'One-minute OHLCV candles per symbol (hypertable, 7 day chunks, 180 days)';

-- 7 day chunks: 1,440 rows per symbol per day is small; a week per chunk keeps the chunk
-- count low over 180 days without making any chunk large.
SELECT timescaledb.create_hypertable('crypto.candles_1m', timescaledb.by_range('ts', interval '7 days'),
                                     create_default_indexes => false);

CREATE INDEX candles_1m_ts_idx ON crypto.candles_1m (ts DESC);

-- Candles are re-read for weeks by backtests, so they stay uncompressed for 30 days.
SELECT maintenance.enable_compression('crypto.candles_1m', 'symbol', 'ts DESC', interval '30 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('crypto.candles_1m', interval '180 days');

COMMIT;
