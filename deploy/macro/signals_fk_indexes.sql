-- Deploy marketdb:macro/signals_fk_indexes to pg
-- requires: macro/signals

-- Foreign keys of macro.signals to instruments and series_metadata: without an index on the
-- referencing column, deleting or re-keying a metadata row scans every signal, and "signals
-- of this instrument" reads scan them too. Partial: most signals reference one of the two.
-- A hypertable's index is built chunk by chunk in this transaction; signals are small.
-- squawk-ignore-file require-concurrent-index-creation

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE INDEX signals_instrument_id_idx ON macro.signals (instrument_id, signal_date DESC) WHERE instrument_id IS NOT NULL;
CREATE INDEX signals_series_id_idx ON macro.signals (series_id, signal_date DESC) WHERE series_id IS NOT NULL;

COMMIT;
