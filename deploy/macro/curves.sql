-- Deploy marketdb:macro/curves to pg
-- requires: core/schemas
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Yield and swap curves: one row per curve, date and tenor point (see macro/market_data
-- for the key rule).
CREATE TABLE macro.curves (
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    curve_id   text        NOT NULL,
    curve_date date        NOT NULL,
    -- Tenor as the market quotes it: 1D, 2W, 3M, 10Y.
    tenor      text        NOT NULL,
    rate       numeric     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT curves_pkey PRIMARY KEY (id, curve_date),
    CONSTRAINT curves_point_key UNIQUE (curve_id, curve_date, tenor),
    CONSTRAINT curves_tenor_format CHECK (tenor ~ '^[1-9][0-9]*[DWMY]$')
);

COMMENT ON TABLE macro.curves IS 'Curve points per curve, date and tenor (hypertable, 180 day chunks, kept)';

-- 180 day chunks: tens of curves times ~20 tenors a day.
SELECT timescaledb.create_hypertable('macro.curves', timescaledb.by_range('curve_date', interval '180 days'),
                                     create_default_indexes => false);

CREATE INDEX curves_curve_date_idx ON macro.curves (curve_date DESC);

SELECT maintenance.enable_compression('macro.curves', 'curve_id', 'curve_date DESC', interval '30 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.curves', NULL);

COMMIT;
