-- Deploy marketdb:macro/macro_series to pg
-- requires: macro/series_metadata
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Point in time: each release of an observation is its own row. A revision of March's CPI
-- published in May is a second row for the same observation_date with a later
-- release_time, so macro.series_as_of() can answer what was known at any moment.
CREATE TABLE macro.macro_series (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    series_id        bigint      NOT NULL,
    observation_date date        NOT NULL,
    value            numeric     NOT NULL,
    release_time     timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT macro_series_pkey PRIMARY KEY (id, observation_date),
    CONSTRAINT macro_series_release_key UNIQUE (series_id, observation_date, release_time),
    CONSTRAINT macro_series_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata (series_id),
    -- Nothing is released before the period it describes has begun.
    CONSTRAINT macro_series_released_after_observation CHECK (release_time >= observation_date::timestamp AT TIME ZONE 'UTC')
);

COMMENT ON TABLE macro.macro_series IS 'Macro observations, one row per release (revisions included): point-in-time reads';

-- 1 year chunks: monthly and quarterly series are tiny; a year per chunk is still small.
SELECT timescaledb.create_hypertable('macro.macro_series', timescaledb.by_range('observation_date', interval '365 days'),
                                     create_default_indexes => false);

CREATE INDEX macro_series_observation_date_idx ON macro.macro_series (observation_date DESC);
-- Serves series_as_of(): per series and date, newest release first.
CREATE INDEX macro_series_as_of_idx ON macro.macro_series (series_id, observation_date, release_time DESC);

-- Compressed after 90 days: recent quarters still receive revisions.
SELECT maintenance.enable_compression('macro.macro_series', 'series_id', 'observation_date DESC', interval '90 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.macro_series', NULL);

COMMIT;
