-- Deploy marketdb:macro/series_metadata to pg
-- requires: macro/data_sources

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE TABLE macro.series_metadata (
    series_id   bigint      GENERATED ALWAYS AS IDENTITY,
    source_id   bigint      NOT NULL,
    series_code text        NOT NULL,
    frequency   text        NOT NULL,
    unit        text,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT series_metadata_pkey PRIMARY KEY (series_id),
    CONSTRAINT series_metadata_source_id_fkey FOREIGN KEY (source_id) REFERENCES macro.data_sources (source_id),
    -- The same code can mean different series at different sources.
    CONSTRAINT series_metadata_source_code_key UNIQUE (source_id, series_code),
    CONSTRAINT series_metadata_frequency_known CHECK (
        frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'))
);

COMMENT ON TABLE macro.series_metadata IS 'Macro series: code per source, frequency, unit';

COMMIT;
