-- Revert marketdb:maintenance/compression_settings from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- The settings the v0.1.0 changes made (under the seeds' column names): the series as
-- segmentby, the time column descending as orderby.
DO $do$
DECLARE
    v_table record;
BEGIN
    IF maintenance.edition() <> 'timescale' THEN
        RETURN;
    END IF;
    FOR v_table IN
        SELECT t::regclass AS hypertable, segmentby, orderby
          FROM (VALUES
            ('crypto.trades', 'symbol', 'trade_ts DESC'),
            ('macro.macro_series', 'series_id', 'observation_date DESC'),
            ('macro.curves', 'curve_id', 'curve_date DESC'),
            ('macro.vol_surfaces', 'instrument_id', 'surface_date DESC'),
            ('macro.signals', 'signal_name', 'signal_date DESC')
          ) AS s (t, segmentby, orderby)
    LOOP
        EXECUTE format('ALTER TABLE %s SET (timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                       v_table.hypertable, v_table.segmentby, v_table.orderby);
    END LOOP;
END
$do$;

COMMENT ON FUNCTION maintenance.enable_compression(regclass, text, text, interval) IS
    'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only';

COMMIT;
