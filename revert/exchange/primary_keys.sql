-- Revert marketdb:exchange/primary_keys from pg

-- The unique constraints come back (built on every partition, under the lock: a revert),
-- then the primary keys go.
BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE exchange.trades ADD CONSTRAINT trades_trade_id_ts_key UNIQUE (trade_id, ts);
ALTER TABLE exchange.trades DROP CONSTRAINT trades_pkey;
ALTER TABLE exchange.orderbook_deltas ADD CONSTRAINT orderbook_deltas_ticker_seq_ts_key UNIQUE (ticker, seq, ts);
ALTER TABLE exchange.orderbook_deltas DROP CONSTRAINT orderbook_deltas_pkey;
ALTER TABLE exchange.market_snapshots ADD CONSTRAINT market_snapshots_ticker_ts_key UNIQUE (ticker, ts);
ALTER TABLE exchange.market_snapshots DROP CONSTRAINT market_snapshots_pkey;

COMMIT;
