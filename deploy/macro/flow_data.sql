-- Deploy marketdb:macro/flow_data to pg
-- requires: macro/series_metadata
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Fund and positioning flows (weekly or daily), one value per series and date (see
-- macro/market_data for the key rule).
CREATE TABLE macro.flow_data (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    series_id        bigint      NOT NULL,
    observation_date date        NOT NULL,
    value            numeric     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT flow_data_pkey PRIMARY KEY (id, observation_date),
    CONSTRAINT flow_data_series_date_key UNIQUE (series_id, observation_date),
    CONSTRAINT flow_data_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata (series_id)
);

COMMENT ON TABLE macro.flow_data IS 'Flow series observations (hypertable, 1 year chunks, kept)';

-- 1 year chunks: weekly flows are a few hundred rows a year per series.
SELECT timescaledb.create_hypertable('macro.flow_data', timescaledb.by_range('observation_date', interval '365 days'),
                                     create_default_indexes => false);

CREATE INDEX flow_data_observation_date_idx ON macro.flow_data (observation_date DESC);

SELECT maintenance.enable_compression('macro.flow_data', 'series_id', 'observation_date DESC', interval '90 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.flow_data', NULL);

COMMIT;
