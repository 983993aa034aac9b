-- Deploy marketdb:macro/fiscal_data to pg
-- requires: macro/series_metadata
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Government revenue, spending, debt and issuance series (see macro/market_data for the
-- key rule).
CREATE TABLE macro.fiscal_data (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    series_id        bigint      NOT NULL,
    observation_date date        NOT NULL,
    value            numeric     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fiscal_data_pkey PRIMARY KEY (id, observation_date),
    CONSTRAINT fiscal_data_series_date_key UNIQUE (series_id, observation_date),
    CONSTRAINT fiscal_data_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata (series_id)
);

COMMENT ON TABLE macro.fiscal_data IS 'Fiscal series observations (hypertable, 1 year chunks, kept)';

-- 1 year chunks: monthly fiscal statements are tiny.
SELECT timescaledb.create_hypertable('macro.fiscal_data', timescaledb.by_range('observation_date', interval '365 days'),
                                     create_default_indexes => false);

CREATE INDEX fiscal_data_observation_date_idx ON macro.fiscal_data (observation_date DESC);

-- Compressed only after 180 days: fiscal data publishes late and is restated for months.
SELECT maintenance.enable_compression('macro.fiscal_data', 'series_id', 'observation_date DESC', interval '180 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.fiscal_data', NULL);

COMMIT;
