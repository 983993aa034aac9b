-- Deploy marketdb:maintenance/enable_compression to pg
-- requires: maintenance/hypertables
-- adopted from: maintenance/hypertables

-- maintenance.enable_compression as maintenance/hypertables left it, taken unchanged from
-- the deployed catalog (pg_get_functiondef): from here on its current body is this file,
-- changed only by `sqitch rework maintenance/enable_compression`. Deploying it changes
-- nothing (make test compares the dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- enable_compression: columnar compression and its policy where the edition has them; on
-- apache a NOTICE says it was skipped. Called by deploy scripts, as the owner.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.enable_compression(p_hypertable regclass, p_segment_by text, p_order_by text, p_compress_after interval)
 RETURNS boolean
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RAISE NOTICE 'TimescaleDB edition %: no compression for % (needs the timescale edition); skipped',
            maintenance.edition(), p_hypertable;
        RETURN false;
    END IF;
    EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                   p_hypertable, p_segment_by, p_order_by);
    PERFORM timescaledb.add_compression_policy(p_hypertable, compress_after => p_compress_after);
    RETURN true;
END
$function$;

COMMENT ON FUNCTION maintenance.enable_compression(regclass,text,text,interval) IS
    'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only. Every unique key column must be in segment by or order by, or lead a btree index (maintenance/compression_settings)';

REVOKE ALL ON FUNCTION maintenance.enable_compression(regclass,text,text,interval) FROM PUBLIC;

COMMIT;
