-- Deploy marketdb:macro/series_one_index to pg
-- requires: macro/series_as_of

-- macro_series_as_of_idx (series_id, observation_date, release_time DESC) duplicated the
-- release key's columns; the reworked series_as_of reads the key backwards instead, so the
-- second index only doubled the cost of each write.
-- squawk-ignore-file require-concurrent-index-deletion

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP INDEX macro.macro_series_as_of_idx;

COMMIT;
