-- Deploy marketdb:macro/seed_compression to pg
-- requires: macro/curves
-- requires: macro/vol_surfaces
-- requires: maintenance/hypertables

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The seed compresses curves and vol surfaces after 90 days, as all but market_data (30)
-- and fiscal_data (180): its backfills rewrite the last quarter, and a compressed chunk
-- makes every such write slower. v0.1.0 had 30 days. Timescale edition only (apache has no
-- compression).
DO $do$
BEGIN
    IF maintenance.edition() = 'timescale' THEN
        PERFORM timescaledb.remove_compression_policy('macro.curves');
        PERFORM timescaledb.add_compression_policy('macro.curves', compress_after => interval '90 days');
        PERFORM timescaledb.remove_compression_policy('macro.vol_surfaces');
        PERFORM timescaledb.add_compression_policy('macro.vol_surfaces', compress_after => interval '90 days');
    END IF;
END
$do$;

COMMENT ON TABLE macro.curves IS 'Curve points per curve, date and tenor (hypertable, 180 day chunks, kept, compressed after 90 days)';
COMMENT ON TABLE macro.vol_surfaces IS 'Implied volatility surfaces (hypertable, 30 day chunks, kept, compressed after 90 days)';

COMMIT;
