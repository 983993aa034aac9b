-- Deploy marketdb:macro/vol_surfaces to pg
-- requires: macro/instruments
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Implied volatility points: per instrument, date and tenor, quoted either at a strike or
-- at a delta, never both (see macro/market_data for the key rule).
CREATE TABLE macro.vol_surfaces (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    instrument_id bigint      NOT NULL,
    surface_date  date        NOT NULL,
    tenor         text        NOT NULL,
    strike        numeric,
    delta         numeric,
    implied_vol   numeric     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vol_surfaces_pkey PRIMARY KEY (id, surface_date),
    -- NULLS NOT DISTINCT: a point is (strike, NULL) or (NULL, delta), and two identical
    -- points must collide, NULL included.
    CONSTRAINT vol_surfaces_point_key UNIQUE NULLS NOT DISTINCT (instrument_id, surface_date, tenor, strike, delta),
    CONSTRAINT vol_surfaces_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments (instrument_id),
    CONSTRAINT vol_surfaces_strike_or_delta CHECK (num_nonnulls(strike, delta) = 1),
    CONSTRAINT vol_surfaces_strike_positive CHECK (strike > 0),
    CONSTRAINT vol_surfaces_delta_range CHECK (delta BETWEEN -1 AND 1),
    CONSTRAINT vol_surfaces_implied_vol_positive CHECK (implied_vol > 0),
    CONSTRAINT vol_surfaces_tenor_format CHECK (tenor ~ '^[1-9][0-9]*[DWMY]$')
);

COMMENT ON TABLE macro.vol_surfaces IS 'Implied volatility surfaces (hypertable, 30 day chunks, kept)';

-- 30 day chunks: hundreds of points per instrument and day make surfaces the largest macro table.
SELECT timescaledb.create_hypertable('macro.vol_surfaces', timescaledb.by_range('surface_date', interval '30 days'),
                                     create_default_indexes => false);

CREATE INDEX vol_surfaces_surface_date_idx ON macro.vol_surfaces (surface_date DESC);

SELECT maintenance.enable_compression('macro.vol_surfaces', 'instrument_id', 'surface_date DESC', interval '30 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.vol_surfaces', NULL);

COMMIT;
