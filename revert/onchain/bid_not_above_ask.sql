-- Revert marketdb:onchain/bid_not_above_ask from pg

-- Adopting changed nothing, so nothing is undone: onchain.bid_not_above_ask stays as
-- onchain/book_not_crossed made it.

BEGIN;

COMMIT;
