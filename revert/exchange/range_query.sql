-- Revert marketdb:exchange/range_query from pg

-- Adopting changed nothing, so nothing is undone: exchange.range_query stays as
-- exchange/range_reads made it.

BEGIN;

COMMIT;
