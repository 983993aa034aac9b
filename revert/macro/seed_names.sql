-- Revert marketdb:macro/seed_names from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER INDEX macro.market_data_timestamp_idx RENAME TO market_data_ts_idx;
ALTER TABLE macro.market_data RENAME CONSTRAINT market_data_instrument_timestamp_key TO market_data_instrument_ts_key;
ALTER TABLE macro.market_data RENAME COLUMN "timestamp" TO ts;
COMMENT ON COLUMN macro.data_sources.rate_limit IS NULL;
ALTER TABLE macro.data_sources RENAME COLUMN rate_limit TO rate_limit_per_minute;
ALTER TABLE macro.series_metadata RENAME COLUMN id TO series_id;
ALTER TABLE macro.data_sources RENAME COLUMN id TO source_id;
ALTER TABLE macro.instruments RENAME COLUMN id TO instrument_id;

COMMIT;
