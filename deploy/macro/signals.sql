-- Deploy marketdb:macro/signals to pg
-- requires: macro/instruments
-- requires: macro/series_metadata
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- Model outputs per date, about an instrument, a series, both or neither (a global
-- regime signal). References go to the metadata tables only: never hypertable to hypertable.
CREATE TABLE macro.signals (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    signal_name   text        NOT NULL,
    signal_date   date        NOT NULL,
    instrument_id bigint,
    series_id     bigint,
    value         numeric     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_pkey PRIMARY KEY (id, signal_date),
    CONSTRAINT signals_natural_key UNIQUE NULLS NOT DISTINCT (signal_name, signal_date, instrument_id, series_id),
    CONSTRAINT signals_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES macro.instruments (instrument_id),
    CONSTRAINT signals_series_id_fkey FOREIGN KEY (series_id) REFERENCES macro.series_metadata (series_id),
    CONSTRAINT signals_name_not_blank CHECK (btrim(signal_name) <> '')
);

COMMENT ON TABLE macro.signals IS 'Signals per date, optionally about an instrument and/or a series (hypertable, 1 year chunks, kept)';

-- 1 year chunks: one value per signal and day.
SELECT timescaledb.create_hypertable('macro.signals', timescaledb.by_range('signal_date', interval '365 days'),
                                     create_default_indexes => false);

CREATE INDEX signals_signal_date_idx ON macro.signals (signal_date DESC);

SELECT maintenance.enable_compression('macro.signals', 'signal_name', 'signal_date DESC', interval '90 days') AS compressed;

SELECT parent_table AS registered, retention FROM maintenance.register_hypertable('macro.signals', NULL);

COMMIT;
