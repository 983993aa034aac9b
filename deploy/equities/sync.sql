-- Deploy marketdb:equities/sync to pg
-- requires: equities/assets

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- claim_assets_for_sync: the active assets due for a sync (never synced, or last synced
-- longer ago than p_max_age), oldest first, at most p_limit, claimed for p_lease.
-- Safe for many workers: candidate rows are locked FOR UPDATE SKIP LOCKED, so two workers
-- claiming at the same moment get disjoint assets, and the lease written in the same
-- statement keeps a claimed asset from later claims until it is recorded or the lease ends
-- (a worker that crashes gives its assets back by expiry, without a long transaction).
CREATE OR REPLACE FUNCTION equities.claim_assets_for_sync(
    p_max_age interval,
    p_limit   integer,
    p_lease   interval DEFAULT interval '15 minutes'
)
RETURNS TABLE (symbol text, exchange text, last_synced timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    -- Bounds, so no argument can take an asset out of sync for ever: a max age of
    -- 'infinity' or a thousand years would never find it due, such a lease never release it.
    IF p_max_age IS NULL OR p_max_age < interval '0' OR NOT isfinite(p_max_age) OR p_max_age > interval '10 years' THEN
        RAISE EXCEPTION 'p_max_age must be from 0 to 10 years, got %', coalesce(p_max_age::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 THEN
        RAISE EXCEPTION 'p_limit must be 1 or more, got %', coalesce(p_limit::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_lease IS NULL OR p_lease <= interval '0' OR NOT isfinite(p_lease) OR p_lease > interval '1 day' THEN
        RAISE EXCEPTION 'p_lease must be positive and at most 1 day, got %', coalesce(p_lease::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    WITH due AS (
        SELECT a.symbol
          FROM equities.assets AS a
         WHERE a.is_active
           AND (a.last_synced IS NULL OR a.last_synced < now() - p_max_age)
           AND (a.sync_claimed_until IS NULL OR a.sync_claimed_until < now())
         ORDER BY a.last_synced NULLS FIRST, a.symbol
         LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE equities.assets AS a
           SET sync_claimed_until = now() + p_lease
          FROM due
         WHERE a.symbol = due.symbol
        RETURNING a.symbol, a.exchange, a.last_synced
    )
    SELECT c.symbol, c.exchange, c.last_synced FROM claimed AS c ORDER BY c.last_synced NULLS FIRST, c.symbol;
END
$function$;

COMMENT ON FUNCTION equities.claim_assets_for_sync(interval, integer, interval) IS
    'Claims up to p_limit active assets due for sync, oldest first; concurrent callers get disjoint assets';

-- record_sync: a successful sync of one asset; releases its claim.
CREATE OR REPLACE FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamptz DEFAULT now())
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    -- A sync is recorded when it finishes: near the server's clock (a worker may report a
    -- little late, or with a clock a little ahead). '-infinity' or 1900 would make the asset
    -- look never synced, and a far-future time would hide it from every claim.
    IF p_synced_at IS NULL OR NOT isfinite(p_synced_at)
       OR p_synced_at > now() + interval '5 minutes' OR p_synced_at < now() - interval '1 day' THEN
        RAISE EXCEPTION 'p_synced_at must be within the last day (5 minutes ahead at most), got %', coalesce(p_synced_at::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE equities.assets AS a
       SET last_synced = p_synced_at, sync_claimed_until = NULL, updated_at = now()
     WHERE a.symbol = p_symbol;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'p_symbol: asset % does not exist', coalesce(p_symbol, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$function$;

COMMENT ON FUNCTION equities.record_sync(text, timestamptz) IS
    'Records a successful sync of one asset (last_synced) and releases its claim';


COMMIT;
