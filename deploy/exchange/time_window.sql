-- Deploy marketdb:exchange/time_window to pg
-- requires: exchange/trades
-- requires: exchange/orderbook_deltas
-- requires: exchange/market_snapshots
-- non-transactional: the constraints are added NOT VALID (a brief lock) and validated
-- afterwards, each in its own transaction, so writers keep writing while every partition
-- is scanned; a failed validation leaves a NOT VALID constraint that still checks new rows,
-- and the revert removes it.

-- The exchange's partition keys hold plausible, finite times: from 2018-01-01 (before any
-- data the exchange has) to 2100-01-01. A row outside ('infinity', 1970, year 294276) is
-- rejected at insert, naming the constraint, instead of landing in the default partition,
-- where maintenance would have to leave it. Maintenance bounds its own day series too
-- (maintenance/partitions), for tables registered without such a constraint.
BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE exchange.trades
    ADD CONSTRAINT trades_ts_plausible CHECK (ts >= '2018-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE exchange.orderbook_deltas
    ADD CONSTRAINT orderbook_deltas_ts_plausible CHECK (ts >= '2018-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID;
ALTER TABLE exchange.market_snapshots
    ADD CONSTRAINT market_snapshots_ts_plausible CHECK (ts >= '2018-01-01 00:00+00' AND ts < '2100-01-01 00:00+00') NOT VALID;

COMMIT;

-- VALIDATE takes SHARE UPDATE EXCLUSIVE: inserts and updates go on during the scan. Each
-- runs in a transaction of its own, on purpose (see the header); a rerun validates again.
-- squawk-ignore-file prefer-robust-stmts
SET lock_timeout = '5s';
SET ROLE marketdb_owner;
ALTER TABLE exchange.trades VALIDATE CONSTRAINT trades_ts_plausible;
ALTER TABLE exchange.orderbook_deltas VALIDATE CONSTRAINT orderbook_deltas_ts_plausible;
ALTER TABLE exchange.market_snapshots VALIDATE CONSTRAINT market_snapshots_ts_plausible;
RESET ROLE;
RESET lock_timeout;
