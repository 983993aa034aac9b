-- Verify marketdb:macro/signals_fk_indexes on pg

BEGIN;

SELECT 'macro.signals_instrument_id_idx'::regclass, 'macro.signals_series_id_idx'::regclass;

ROLLBACK;
