-- Revert marketdb:macro/series_one_index from pg

-- squawk-ignore-file require-concurrent-index-creation

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE INDEX macro_series_as_of_idx ON macro.macro_series (series_id, observation_date, release_time DESC);

COMMIT;
