-- Verify marketdb:exchange/range_reads on pg

BEGIN;

SELECT count(*) FROM exchange.trades_between('2026-01-01', '2026-01-02', 'X');
SELECT count(*) FROM exchange.orderbook_deltas_between('2026-01-01', '2026-01-02');
SELECT count(*) FROM exchange.market_snapshots_between('2026-01-01', '2026-01-02');

ROLLBACK;
