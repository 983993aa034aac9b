-- Revert marketdb:macro/signals_fk_indexes from pg

-- squawk-ignore-file require-concurrent-index-deletion

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP INDEX macro.signals_series_id_idx;
DROP INDEX macro.signals_instrument_id_idx;

COMMIT;
