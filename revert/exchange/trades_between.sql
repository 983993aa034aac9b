-- Revert marketdb:exchange/trades_between from pg

-- Adopting changed nothing, so nothing is undone: exchange.trades_between stays as
-- exchange/range_reads made it.

BEGIN;

COMMIT;
