-- Revert marketdb:onchain/price_candles_1h from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- A continuous aggregate or a view, whichever the edition made.
SELECT maintenance.drop_rollup('onchain.price_candles_1h');

COMMIT;
