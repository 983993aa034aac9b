-- Revert marketdb:equities/sync from pg

-- Back to v0.1.0's argument checks.

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
    IF p_max_age IS NULL OR p_max_age < interval '0' THEN
        RAISE EXCEPTION 'p_max_age must be 0 or more, got %', coalesce(p_max_age::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_limit IS NULL OR p_limit < 1 THEN
        RAISE EXCEPTION 'p_limit must be 1 or more, got %', coalesce(p_limit::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_lease IS NULL OR p_lease <= interval '0' THEN
        RAISE EXCEPTION 'p_lease must be positive, got %', coalesce(p_lease::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
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


-- record_sync: a successful sync of one asset; releases its claim.
CREATE OR REPLACE FUNCTION equities.record_sync(p_symbol text, p_synced_at timestamptz DEFAULT now())
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    IF p_synced_at IS NULL OR p_synced_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'p_synced_at must be a time not in the future, got %', coalesce(p_synced_at::text, 'NULL')
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



COMMIT;
