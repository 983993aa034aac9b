-- Verify marketdb:crypto/trades on pg

BEGIN;

SELECT symbol, ts, trade_id, price, quantity, buyer_is_maker, side, created_at FROM crypto.trades WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'crypto' AND hypertable_name = 'trades';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'crypto.trades';

ROLLBACK;
