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
-- decompressing only the batches that can hold the key: it filters batches by equality on
-- segmentby columns and by the metadata it keeps per batch: min/max of orderby columns, and
-- since 2.19 a sparse index on the leading column of each btree index (min/max on 2.19,
-- a bloom filter on 2.29, which also adds one over each unique index's columns). A key
-- column with none of these forces every batch of the time range open: that is what
-- TimescaleDB's warning 'column "x" should be used for segmenting or ordering' is about.
-- So every column of every unique key is segmentby, orderby, or leads a btree index; where
-- the advice would replace a bloom filter with min/max (random ids) it is not followed.
-- segmentby stays the series a reader filters on; the time column stays the first orderby
-- (range reads). Measured (bench/results.md, "Late rows into compressed ranges"; 2.29.2
-- and 2.19.3): v0.1.0's settings, the advice and these differ by no more than run-to-run
-- noise for late rows; what costs is the compressed range itself (1.1x to 10x the
-- uncompressed time). So the rule is kept for the lookup it guarantees on every release
-- (no key column without batch metadata), not for a measured speed-up.
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
            -- onchain.trades keeps v0.1.0's (token_id; ts DESC): its key (trade_id, ts) is
            -- found through the sparse index on trade_id, which leads idx_trades_trade_id
            -- (a bloom filter on 2.29). Fill ids are transaction hashes, in no order: in
            -- orderby their min/max would filter nothing and would replace the bloom
            -- filter. Not listed, so not changed.
            -- (symbol, trade_ts, trade_id): many fills share a microsecond, and no index
            -- leads with the exchange's trade id, which rises with time: its min/max
            -- narrows the batches a re-sent fill opens.
            ('crypto.trades', 'symbol', 'trade_ts DESC, trade_id'),
            -- Macro tables have two keys: the natural one the feeds upsert on, and the
            -- surrogate (id, time), whose id leads the primary key's index (sparse index).
            -- macro_series: (series_id, observation_date, release_time): revised releases.
            ('macro.macro_series', 'series_id', 'observation_date DESC, release_time DESC'),
            -- curves: (curve_id, curve_date, tenor).
            ('macro.curves', 'curve_id', 'curve_date DESC, tenor'),
            -- vol_surfaces: (instrument_id, surface_date, tenor, strike, delta).
            ('macro.vol_surfaces', 'instrument_id', 'surface_date DESC, tenor, strike, delta'),
            -- signals: (signal_name, signal_date, instrument_id, series_id).
            ('macro.signals', 'signal_name', 'signal_date DESC, instrument_id, series_id')
            -- Unchanged, their keys already segmentby + orderby or leading an index:
            -- onchain price_snapshots and orderbook_snapshots (token_id, ts); crypto
            -- candles_1m, oi_snapshots, funding (symbol, time); macro market_data,
            -- flow_data, fiscal_data ((series or instrument, time) and (id, time));
            -- equities.market_data (time, symbol).
          ) AS s (t, segmentby, orderby)
    LOOP
        EXECUTE format('ALTER TABLE %s SET (timescaledb.compress_segmentby = %L, timescaledb.compress_orderby = %L)',
                       v_table.hypertable, v_table.segmentby, v_table.orderby);
    END LOOP;
END
$do$;

COMMENT ON FUNCTION maintenance.enable_compression(regclass, text, text, interval) IS
    'Compression (segment by, order by) and a policy compressing chunks older than compress_after; timescale edition only. Every unique key column must be in segment by or order by, or lead a btree index (maintenance/compression_settings)';

COMMIT;
