-- Revert marketdb:exchange/range_reads from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DROP FUNCTION exchange.market_snapshots_between(timestamptz, timestamptz, text);
DROP FUNCTION exchange.orderbook_deltas_between(timestamptz, timestamptz, text);
DROP FUNCTION exchange.trades_between(timestamptz, timestamptz, text);
DROP FUNCTION exchange.range_query(regclass, timestamptz, timestamptz, text);

COMMIT;
