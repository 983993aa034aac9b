-- Deploy marketdb:exchange/market_snapshots_between to pg
-- requires: exchange/range_reads
-- adopted from: exchange/range_reads

-- exchange.market_snapshots_between as exchange/range_reads left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework exchange/market_snapshots_between`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE OR REPLACE FUNCTION exchange.market_snapshots_between(p_from timestamp with time zone, p_to timestamp with time zone, p_ticker text DEFAULT NULL::text)
 RETURNS SETOF exchange.market_snapshots
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    RETURN QUERY EXECUTE exchange.range_query('exchange.market_snapshots', p_from, p_to, p_ticker);
END
$function$;

COMMENT ON FUNCTION exchange.market_snapshots_between(timestamp with time zone,timestamp with time zone,text) IS
    'Market snapshots with p_from <= ts < p_to (of one ticker when given), planned with literal bounds so only their partitions are read';

REVOKE ALL ON FUNCTION exchange.market_snapshots_between(timestamp with time zone,timestamp with time zone,text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange.market_snapshots_between(timestamp with time zone,timestamp with time zone,text) TO marketdb_reader;
GRANT EXECUTE ON FUNCTION exchange.market_snapshots_between(timestamp with time zone,timestamp with time zone,text) TO marketdb_writer;

COMMIT;
