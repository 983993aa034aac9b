-- Deploy marketdb:maintenance/compression_settings to pg
-- requires: maintenance/hypertables
-- requires: onchain/seed_names
-- requires: crypto/seed_names
-- requires: macro/seed_names
-- requires: macro/seed_compression
-- requires: equities/seed_names

-- Compression settings chosen for the DML these feeds do: late rows land in compressed
-- ranges (seeds 000-002: backfills, re-sent fills, revised releases) through INSERT ... ON
-- CONFLICT. TimescaleDB checks a row against a compressed chunk's unique keys by
-- decompressing only the batches that can hold the key: batches are filtered by equality
-- on segmentby columns and by the min/max metadata it keeps for orderby columns. A key
-- column in neither forces every batch of the time range open, which is what TimescaleDB
-- 2.2x's warning 'column "x" should be used for segmenting or ordering' is about. So every
-- column of every unique key is in segmentby or orderby; segmentby stays the series a
-- reader filters on (a column with few distinct values per chunk), the time column stays
-- the first orderby (range reads), and key columns follow it.
-- Existing compressed chunks keep the settings they were compressed with (TimescaleDB
-- applies new ones to chunks compressed from now on): see the README to recompress them.
-- Timescale edition only: apache has no compression.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

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
            -- (token_id, ts): the key is segmentby + orderby already; unchanged.
            ('onchain.price_snapshots', 'token_id', 'ts DESC'),
            ('onchain.orderbook_snapshots', 'token_id', 'ts DESC'),
            -- (trade_id, ts) where trade_id is set: a re-sent fill finds its batch by the
            -- fill id's min/max instead of opening every batch of the token's hour.
            ('onchain.trades', 'token_id', 'ts DESC, trade_id'),
            -- (symbol, bucket_start), (symbol, snapshot_ts), (symbol, funding_ts): unchanged.
            ('crypto.candles_1m', 'symbol', 'bucket_start DESC'),
            ('crypto.oi_snapshots', 'symbol', 'snapshot_ts DESC'),
            ('crypto.funding', 'symbol', 'funding_ts DESC'),
            -- (symbol, trade_ts, trade_id): many fills share a microsecond; the exchange's
            -- trade id narrows the batches a re-sent fill opens.
            ('crypto.trades', 'symbol', 'trade_ts DESC, trade_id'),
            -- Macro tables have two keys: the natural one the feeds upsert on, and the
            -- surrogate (id, time) that the seed's foreign keys and backfills use. The
            -- surrogate id grows with inserts, so its min/max per batch is narrow.
            -- macro_series: (series_id, observation_date, release_time) and (id, observation_date).
            ('macro.macro_series', 'series_id', 'observation_date DESC, release_time DESC, id'),
            -- market_data: (instrument_id, timestamp) and (id, timestamp).
            ('macro.market_data', 'instrument_id', '"timestamp" DESC, id'),
            -- curves: (curve_id, curve_date, tenor) and (id, curve_date).
            ('macro.curves', 'curve_id', 'curve_date DESC, tenor, id'),
            -- flow_data, fiscal_data: (series_id, observation_date) and (id, observation_date).
            ('macro.flow_data', 'series_id', 'observation_date DESC, id'),
            ('macro.fiscal_data', 'series_id', 'observation_date DESC, id'),
            -- vol_surfaces: (instrument_id, surface_date, tenor, strike, delta) and (id, surface_date).
            ('macro.vol_surfaces', 'instrument_id', 'surface_date DESC, tenor, strike, delta, id'),
            -- signals: (signal_name, signal_date, instrument_id, series_id) and (id, signal_date).
            ('macro.signals', 'signal_name', 'signal_date DESC, instrument_id, series_id, id'),
            -- (time, symbol): unchanged.
            ('equities.market_data', 'symbol', '"time" DESC')
          ) AS s (t, segmentby, orderby)
    LOOP
        EXECUTE format('ALTER TABLE %s SET (timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                       v_table.hypertable, v_table.segmentby, v_table.orderby);
    END LOOP;
END
$do$;

COMMENT ON FUNCTION maintenance.enable_compression(regclass, text, text, interval) IS
    'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only. Pass every unique key column in segment by or order by (maintenance/compression_settings)';

COMMIT;
