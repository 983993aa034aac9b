-- Verify marketdb:exchange/primary_keys on pg

BEGIN;

-- Each table's primary key is on the columns of its old unique key, valid (attached on
-- every partition), and the unique constraint is gone.
SELECT 1 / (count(*) = 3)::integer
  FROM pg_constraint AS c JOIN pg_index AS x ON x.indexrelid = c.conindid
 WHERE c.contype = 'p' AND x.indisvalid
   AND (c.conrelid::regclass::text, pg_get_constraintdef(c.oid)) IN (
       ('exchange.trades', 'PRIMARY KEY (trade_id, ts)'),
       ('exchange.orderbook_deltas', 'PRIMARY KEY (ticker, seq, ts)'),
       ('exchange.market_snapshots', 'PRIMARY KEY (ticker, ts)'));
SELECT 1 / (count(*) = 0)::integer
  FROM pg_constraint
 WHERE contype = 'u' AND conrelid IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass);

ROLLBACK;
