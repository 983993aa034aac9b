-- Deploy marketdb:macro/seed_names to pg
-- requires: macro/instruments
-- requires: macro/data_sources
-- requires: macro/series_metadata
-- requires: macro/market_data

-- Renaming is this change's purpose: the seed's code uses the new names.
-- squawk-ignore-file renaming-column
-- squawk-ignore-file renaming-object

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The macro platform's models name these columns as its design document does: the metadata
-- tables' key is `id` (the hypertables keep instrument_id, series_id and source_id for the
-- foreign keys, which follow the rename), the source's limit `rate_limit`, the bar's time
-- `timestamp`. v0.1.0 had named them instrument_id, source_id, series_id,
-- rate_limit_per_minute and ts. Renames only: no row is rewritten.
ALTER TABLE macro.instruments RENAME COLUMN instrument_id TO id;
ALTER TABLE macro.data_sources RENAME COLUMN source_id TO id;
ALTER TABLE macro.series_metadata RENAME COLUMN series_id TO id;
ALTER TABLE macro.data_sources RENAME COLUMN rate_limit_per_minute TO rate_limit;
COMMENT ON COLUMN macro.data_sources.rate_limit IS 'Requests per minute the source allows; NULL: no known limit';
ALTER TABLE macro.market_data RENAME COLUMN ts TO "timestamp";
ALTER TABLE macro.market_data RENAME CONSTRAINT market_data_instrument_ts_key TO market_data_instrument_timestamp_key;
ALTER INDEX macro.market_data_ts_idx RENAME TO market_data_timestamp_idx;

COMMIT;
