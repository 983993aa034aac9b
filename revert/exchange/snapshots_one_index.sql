-- Revert marketdb:exchange/snapshots_one_index from pg

-- squawk-ignore-file require-concurrent-index-creation

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE INDEX market_snapshots_ticker_ts_idx ON exchange.market_snapshots (ticker, ts DESC);

COMMIT;
