-- Deploy marketdb:exchange/range_reads to pg
-- requires: exchange/trades
-- requires: exchange/orderbook_deltas
-- requires: exchange/market_snapshots

-- Reads of a time range the planner can prune. `ts >= now() - interval '1 day'` is what
-- dashboards write, but now() is not a constant when a query is planned: every partition is
-- planned and locked (504 ms of planning at 3,650 daily partitions). These functions plan
-- each read with its bounds as literals, so only the partitions that can hold rows are
-- planned and locked: SELECT * FROM exchange.trades_between(now() - interval '1 day', now(), 'KXCPI-26NOV-T3.0').
-- SECURITY INVOKER: a caller reads with its own rights.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

CREATE FUNCTION exchange.range_query(p_table regclass, p_from timestamptz, p_to timestamptz, p_ticker text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $function$
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR NOT isfinite(p_from) OR NOT isfinite(p_to) OR p_from >= p_to THEN
        RAISE EXCEPTION 'p_from, p_to: finite bounds with p_from < p_to are required, got % and %', coalesce(p_from::text, 'NULL'), coalesce(p_to::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN format('SELECT * FROM %s WHERE ts >= %L::timestamptz AND ts < %L::timestamptz%s ORDER BY ts',
                  p_table, p_from, p_to, CASE WHEN p_ticker IS NULL THEN '' ELSE format(' AND ticker = %L', p_ticker) END);
END
$function$;

COMMENT ON FUNCTION exchange.range_query(regclass, timestamptz, timestamptz, text) IS
    'The query of a *_between function: bounds and ticker as literals, so the planner prunes partitions (internal)';

CREATE FUNCTION exchange.trades_between(p_from timestamptz, p_to timestamptz, p_ticker text DEFAULT NULL)
RETURNS SETOF exchange.trades
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    RETURN QUERY EXECUTE exchange.range_query('exchange.trades', p_from, p_to, p_ticker);
END
$function$;

COMMENT ON FUNCTION exchange.trades_between(timestamptz, timestamptz, text) IS
    'Trades with p_from <= ts < p_to (of one ticker when given), planned with literal bounds so only their partitions are read';

CREATE FUNCTION exchange.orderbook_deltas_between(p_from timestamptz, p_to timestamptz, p_ticker text DEFAULT NULL)
RETURNS SETOF exchange.orderbook_deltas
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    RETURN QUERY EXECUTE exchange.range_query('exchange.orderbook_deltas', p_from, p_to, p_ticker);
END
$function$;

COMMENT ON FUNCTION exchange.orderbook_deltas_between(timestamptz, timestamptz, text) IS
    'Order-book deltas with p_from <= ts < p_to (of one ticker when given), planned with literal bounds so only their partitions are read';

CREATE FUNCTION exchange.market_snapshots_between(p_from timestamptz, p_to timestamptz, p_ticker text DEFAULT NULL)
RETURNS SETOF exchange.market_snapshots
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    RETURN QUERY EXECUTE exchange.range_query('exchange.market_snapshots', p_from, p_to, p_ticker);
END
$function$;

COMMENT ON FUNCTION exchange.market_snapshots_between(timestamptz, timestamptz, text) IS
    'Market snapshots with p_from <= ts < p_to (of one ticker when given), planned with literal bounds so only their partitions are read';

GRANT EXECUTE ON FUNCTION exchange.range_query(regclass, timestamptz, timestamptz, text),
                          exchange.trades_between(timestamptz, timestamptz, text),
                          exchange.orderbook_deltas_between(timestamptz, timestamptz, text),
                          exchange.market_snapshots_between(timestamptz, timestamptz, text)
   TO marketdb_reader, marketdb_writer;

COMMIT;
