-- Revert marketdb:macro/seed_compression from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

DO $do$
BEGIN
    IF maintenance.edition() = 'timescale' THEN
        PERFORM timescaledb.remove_compression_policy('macro.curves');
        PERFORM timescaledb.add_compression_policy('macro.curves', compress_after => interval '30 days');
        PERFORM timescaledb.remove_compression_policy('macro.vol_surfaces');
        PERFORM timescaledb.add_compression_policy('macro.vol_surfaces', compress_after => interval '30 days');
    END IF;
END
$do$;

COMMENT ON TABLE macro.curves IS 'Curve points per curve, date and tenor (hypertable, 180 day chunks, kept)';
COMMENT ON TABLE macro.vol_surfaces IS 'Implied volatility surfaces (hypertable, 30 day chunks, kept)';

COMMIT;
