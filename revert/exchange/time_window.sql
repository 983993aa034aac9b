-- Revert marketdb:exchange/time_window from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE exchange.trades DROP CONSTRAINT trades_ts_plausible;
ALTER TABLE exchange.orderbook_deltas DROP CONSTRAINT orderbook_deltas_ts_plausible;
ALTER TABLE exchange.market_snapshots DROP CONSTRAINT market_snapshots_ts_plausible;

COMMIT;
