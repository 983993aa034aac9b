-- Deploy marketdb:crypto/funding to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE crypto.funding (
    symbol          text        NOT NULL,
    -- When the funding was charged.
    ts              timestamptz NOT NULL,
    -- Signed: negative when shorts pay longs.
    rate            numeric     NOT NULL,
    rate_annualized numeric,
    payment         numeric,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT funding_pkey PRIMARY KEY (symbol, ts)
);

COMMENT ON TABLE crypto.funding IS 'Funding rates of perpetual futures per symbol (hypertable, 30 day chunks, 365 days)';

-- 30 day chunks: three fundings a day per symbol; anything smaller would be chunks of a
-- few hundred rows.
SELECT timescaledb.create_hypertable('crypto.funding', timescaledb.by_range('ts', interval '30 days'),
                                     create_default_indexes => false);

CREATE INDEX funding_ts_idx ON crypto.funding (ts DESC);

SELECT maintenance.enable_compression('crypto.funding', 'symbol', 'ts DESC', interval '7 days') AS compressed;

-- A year: carry studies compare funding across seasons.
SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('crypto.funding', interval '365 days');

COMMIT;
