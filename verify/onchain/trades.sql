-- Verify marketdb:onchain/trades on pg

BEGIN;

SELECT trade_id, token_id, ts, price, size, side, created_at FROM onchain.trades WHERE false;

SELECT 1 / count(*) FROM timescaledb_information.hypertables
 WHERE hypertable_schema = 'onchain' AND hypertable_name = 'trades';
SELECT 1 / count(*) FROM maintenance.policy WHERE parent_table = 'onchain.trades';
SELECT 1 / count(*) FROM pg_catalog.pg_indexes WHERE schemaname = 'onchain' AND indexname = 'trades_trade_id_ts_key';

ROLLBACK;
