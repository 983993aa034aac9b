-- Deploy marketdb:crypto/oi_snapshots to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE crypto.oi_snapshots (
    symbol            text        NOT NULL,
    ts                timestamptz NOT NULL,
    open_interest     numeric     NOT NULL,
    open_interest_usd numeric,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT oi_snapshots_pkey PRIMARY KEY (symbol, ts),
    CONSTRAINT oi_snapshots_open_interest_not_negative CHECK (open_interest >= 0 AND open_interest_usd >= 0)
);

COMMENT ON TABLE crypto.oi_snapshots IS 'Open interest of perpetual futures per symbol (hypertable, 7 day chunks, 120 days)';

-- 7 day chunks: a snapshot every few minutes per symbol is a small stream.
SELECT timescaledb.create_hypertable('crypto.oi_snapshots', timescaledb.by_range('ts', interval '7 days'),
                                     create_default_indexes => false);

CREATE INDEX oi_snapshots_ts_idx ON crypto.oi_snapshots (ts DESC);

SELECT maintenance.enable_compression('crypto.oi_snapshots', 'symbol', 'ts DESC', interval '7 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('crypto.oi_snapshots', interval '120 days');

COMMIT;
