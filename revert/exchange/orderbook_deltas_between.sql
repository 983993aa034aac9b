-- Revert marketdb:exchange/orderbook_deltas_between from pg

-- Adopting changed nothing, so nothing is undone: exchange.orderbook_deltas_between stays
-- as exchange/range_reads made it.

BEGIN;

COMMIT;
