-- Revert marketdb:exchange/market_snapshots_between from pg

-- Adopting changed nothing, so nothing is undone: exchange.market_snapshots_between stays
-- as exchange/range_reads made it.

BEGIN;

COMMIT;
