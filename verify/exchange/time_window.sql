-- Verify marketdb:exchange/time_window on pg

BEGIN;

-- All three constraints exist and are validated.
SELECT 1 / (count(*) = 3)::integer FROM pg_constraint
 WHERE conname IN ('trades_ts_plausible', 'orderbook_deltas_ts_plausible', 'market_snapshots_ts_plausible')
   AND conrelid IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass)
   AND convalidated;

ROLLBACK;
