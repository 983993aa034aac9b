-- Verify marketdb:exchange/publication on pg

BEGIN;

SELECT 1 / (count(*) = 1)::integer FROM pg_publication WHERE pubname = 'marketdb_exchange' AND pubviaroot AND pubinsert AND pubupdate AND pubdelete AND pubtruncate;
SELECT 1 / (count(*) = 3)::integer FROM pg_publication_rel AS r JOIN pg_publication AS p ON p.oid = r.prpubid
 WHERE p.pubname = 'marketdb_exchange'
   AND r.prrelid IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass);

ROLLBACK;
