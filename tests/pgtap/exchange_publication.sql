-- The exchange domain is published for logical subscribers as its parent tables; every
-- partition has the replica identity (the primary key) updates and deletes need.
BEGIN;
\ir _helpers.psql
SELECT plan(5);

SELECT is((SELECT pubviaroot FROM pg_publication WHERE pubname = 'marketdb_exchange'), true,
    'marketdb_exchange publishes changes as the parent table''s (a subscriber may partition differently)');
SELECT set_eq($$SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = 'marketdb_exchange'$$,
    ARRAY['exchange.trades', 'exchange.orderbook_deltas', 'exchange.market_snapshots'],
    'it holds the three exchange tables, as parents');
SELECT is((SELECT array_agg(DISTINCT pubinsert AND pubupdate AND pubdelete AND pubtruncate) FROM pg_publication WHERE pubname = 'marketdb_exchange'),
    ARRAY[true], 'inserts, updates, deletes and truncates are published');

-- A partition made by maintenance (here: today's, a rescued day and the default) has the key.
SELECT pg_temp.clear_partitions('exchange.trades');
SELECT pg_temp.maintain('exchange.trades', '2026-03-10 12:00+00');
SELECT is((SELECT count(*)::integer FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
            WHERE i.inhparent IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass)
              AND NOT (c.relreplident = 'd' AND EXISTS (SELECT FROM pg_index AS x WHERE x.indrelid = c.oid AND x.indisprimary))),
    0, 'every partition of the published tables has its primary key as replica identity');
SELECT is((SELECT count(*)::integer FROM pg_class WHERE oid IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass)
              AND relreplident = 'd'), 3, 'the parents too');

SELECT * FROM finish();
ROLLBACK;
