-- Verify marketdb:exchange/snapshots_one_index on pg

BEGIN;

SELECT 1 / (to_regclass('exchange.market_snapshots_ticker_ts_idx') IS NULL)::integer;

ROLLBACK;
