-- Every hypertable (onchain, crypto, macro, equities): chunking, keys, time indexes,
-- registry, and compression as the TimescaleDB edition under test allows (the
-- descriptions name the edition).
BEGIN;
SELECT plan(15);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());

SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, column_name::text, time_interval
        FROM timescaledb_information.dimensions
       WHERE dimension_number = 1
         -- dimensions also lists the internal hypertables behind continuous aggregates
         AND (hypertable_schema, hypertable_name) IN (SELECT hypertable_schema, hypertable_name FROM timescaledb_information.hypertables)$$,
    $$VALUES ('onchain.price_snapshots', 'ts', interval '1 day'),
             ('onchain.orderbook_snapshots', 'ts', interval '7 days'),
             ('onchain.trades', 'ts', interval '1 day'),
             ('crypto.candles_1m', 'bucket_start', interval '7 days'),
             ('crypto.trades', 'trade_ts', interval '3 days'),
             ('crypto.oi_snapshots', 'snapshot_ts', interval '7 days'),
             ('crypto.funding', 'funding_ts', interval '30 days'),
             ('macro.market_data', 'timestamp', interval '90 days'),
             ('macro.macro_series', 'observation_date', interval '365 days'),
             ('macro.curves', 'curve_date', interval '180 days'),
             ('macro.flow_data', 'observation_date', interval '365 days'),
             ('macro.fiscal_data', 'observation_date', interval '365 days'),
             ('macro.vol_surfaces', 'surface_date', interval '30 days'),
             ('macro.signals', 'signal_date', interval '365 days'),
             ('equities.market_data', 'time', interval '1 mon')$$,
    'the fifteen hypertables and only they exist, each chunked on its time column at its interval');

SELECT set_eq(
    $$SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action
        FROM maintenance.policy WHERE kind = 'hypertable'$$,
    $$VALUES ('onchain.price_snapshots', 'hypertable', interval '1 day', 0, interval '90 days', 'drop'),
             ('onchain.orderbook_snapshots', 'hypertable', interval '7 days', 0, NULL::interval, 'drop'),
             ('onchain.trades', 'hypertable', interval '1 day', 0, interval '90 days', 'drop'),
             ('crypto.candles_1m', 'hypertable', interval '7 days', 0, interval '180 days', 'drop'),
             ('crypto.trades', 'hypertable', interval '3 days', 0, interval '30 days', 'drop'),
             ('crypto.oi_snapshots', 'hypertable', interval '7 days', 0, interval '120 days', 'drop'),
             ('crypto.funding', 'hypertable', interval '30 days', 0, interval '365 days', 'drop'),
             ('macro.market_data', 'hypertable', interval '90 days', 0, NULL, 'drop'),
             ('macro.macro_series', 'hypertable', interval '365 days', 0, NULL, 'drop'),
             ('macro.curves', 'hypertable', interval '180 days', 0, NULL, 'drop'),
             ('macro.flow_data', 'hypertable', interval '365 days', 0, NULL, 'drop'),
             ('macro.fiscal_data', 'hypertable', interval '365 days', 0, NULL, 'drop'),
             ('macro.vol_surfaces', 'hypertable', interval '30 days', 0, NULL, 'drop'),
             ('macro.signals', 'hypertable', interval '365 days', 0, NULL, 'drop'),
             ('equities.market_data', 'hypertable', interval '1 mon', 0, NULL, 'drop')$$,
    'each hypertable is a row of the maintenance registry: its retention, or none (order books, macro, equities)');

SELECT set_eq(
    $$SELECT c.conrelid::regclass::text AS relation, array_agg(a.attname::text ORDER BY k.ord)
        FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'p' AND c.connamespace IN ('onchain'::regnamespace, 'crypto'::regnamespace, 'macro'::regnamespace, 'equities'::regnamespace)
       GROUP BY c.conrelid, c.conname$$,
    $$VALUES ('onchain.markets', ARRAY['token_id']), ('onchain.resolutions', ARRAY['token_id']),
             ('onchain.price_snapshots', ARRAY['token_id', 'ts']), ('onchain.orderbook_snapshots', ARRAY['token_id', 'ts']),
             ('crypto.candles_1m', ARRAY['symbol', 'bucket_start']), ('crypto.trades', ARRAY['symbol', 'trade_ts', 'trade_id']),
             ('crypto.oi_snapshots', ARRAY['symbol', 'snapshot_ts']), ('crypto.funding', ARRAY['symbol', 'funding_ts']),
             ('macro.instruments', ARRAY['id']), ('macro.data_sources', ARRAY['id']),
             ('macro.series_metadata', ARRAY['id']),
             ('macro.market_data', ARRAY['id', 'timestamp']), ('macro.macro_series', ARRAY['id', 'observation_date']),
             ('macro.curves', ARRAY['id', 'curve_date']), ('macro.flow_data', ARRAY['id', 'observation_date']),
             ('macro.fiscal_data', ARRAY['id', 'observation_date']), ('macro.vol_surfaces', ARRAY['id', 'surface_date']),
             ('macro.signals', ARRAY['id', 'signal_date']),
             ('equities.assets', ARRAY['symbol']), ('equities.market_data', ARRAY['time', 'symbol']),
             ('equities.corporate_actions', ARRAY['date', 'symbol', 'action_type'])$$,
    'composite primary keys on (id, time); crypto trades on (symbol, trade_ts, trade_id); onchain trades have none (nullable id)');

SELECT is(
    pg_get_indexdef('onchain.idx_trades_trade_id'::regclass),
    'CREATE UNIQUE INDEX idx_trades_trade_id ON onchain.trades USING btree (trade_id, ts) WHERE (trade_id IS NOT NULL)',
    'onchain trades are unique on (trade_id, ts) where trade_id is not null, by the index name the seed uses');

SELECT set_eq(
    $$SELECT h.hypertable_schema || '.' || h.hypertable_name AS hypertable FROM timescaledb_information.dimensions h
       WHERE h.dimension_number = 1
         AND (h.hypertable_schema, h.hypertable_name) IN (SELECT hypertable_schema, hypertable_name FROM timescaledb_information.hypertables)
         AND EXISTS (SELECT FROM pg_indexes i WHERE i.schemaname = h.hypertable_schema AND i.tablename = h.hypertable_name
                        AND i.indexdef ~ format('USING btree \(%s( DESC)?[,)]', quote_ident(h.column_name)))$$,
    $$SELECT hypertable_schema || '.' || hypertable_name FROM timescaledb_information.hypertables$$,
    'every hypertable has an index leading with its time column, for cross-symbol time windows');

SELECT has_index('onchain', 'markets', 'markets_active_end_date_idx', 'end_date', 'active markets have a partial index');
SELECT is(
    (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'onchain.markets_active_end_date_idx'::regclass),
    'active', 'the markets index covers active markets, so a query on active alone can use it');

SELECT col_default_is('crypto', 'trades', 'created_at', 'now()', 'the database records ingestion time in created_at');

-- Compression exists on the timescale edition only.
SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, compression_enabled FROM timescaledb_information.hypertables$$,
    format($$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, %s AS compression_enabled FROM timescaledb_information.hypertables$$,
           (maintenance.edition() = 'timescale')::text),
    format('edition %s: compression is %s on every hypertable', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'enabled' ELSE 'absent' END));

SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, config ->> 'compress_after' AS compress_after
        FROM timescaledb_information.jobs WHERE proc_name = 'policy_compression'$$,
    CASE WHEN maintenance.edition() = 'timescale' THEN
        $$VALUES ('onchain.price_snapshots', '7 days'), ('onchain.orderbook_snapshots', '7 days'), ('onchain.trades', '7 days'),
                 ('crypto.candles_1m', '30 days'), ('crypto.trades', '7 days'), ('crypto.oi_snapshots', '7 days'),
                 ('crypto.funding', '7 days'), ('macro.market_data', '30 days'), ('macro.macro_series', '90 days'),
                 ('macro.curves', '90 days'), ('macro.flow_data', '90 days'), ('macro.fiscal_data', '180 days'),
                 ('macro.vol_surfaces', '90 days'), ('macro.signals', '90 days'), ('equities.market_data', '30 days')$$
    ELSE $$SELECT NULL::text AS hypertable, NULL::text AS compress_after WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'a compression policy per hypertable, after its own delay (fiscal data 180 days)'
                ELSE 'no compression policy exists' END));

-- Compression settings (maintenance/compression_settings): the series segments, time
-- descending orders first, then the unique keys' columns that lead no index (those that do
-- get TimescaleDB's sparse index), so ON CONFLICT into a compressed range opens only the
-- batches that can hold the key.
SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable,
             string_agg(attname::text, ',' ORDER BY segmentby_column_index) FILTER (WHERE segmentby_column_index IS NOT NULL) AS segmentby,
             string_agg(attname::text || CASE WHEN orderby_asc THEN '' ELSE ' DESC' END, ',' ORDER BY orderby_column_index)
                 FILTER (WHERE orderby_column_index IS NOT NULL) AS orderby
        FROM timescaledb_information.compression_settings GROUP BY 1$$,
    CASE WHEN maintenance.edition() = 'timescale' THEN
        $$VALUES ('onchain.price_snapshots', 'token_id', 'ts DESC'), ('onchain.orderbook_snapshots', 'token_id', 'ts DESC'),
                 ('onchain.trades', 'token_id', 'ts DESC'),
                 ('crypto.candles_1m', 'symbol', 'bucket_start DESC'), ('crypto.trades', 'symbol', 'trade_ts DESC,trade_id'),
                 ('crypto.oi_snapshots', 'symbol', 'snapshot_ts DESC'), ('crypto.funding', 'symbol', 'funding_ts DESC'),
                 ('macro.market_data', 'instrument_id', 'timestamp DESC'),
                 ('macro.macro_series', 'series_id', 'observation_date DESC,release_time DESC'),
                 ('macro.curves', 'curve_id', 'curve_date DESC,tenor'),
                 ('macro.flow_data', 'series_id', 'observation_date DESC'), ('macro.fiscal_data', 'series_id', 'observation_date DESC'),
                 ('macro.vol_surfaces', 'instrument_id', 'surface_date DESC,tenor,strike,delta'),
                 ('macro.signals', 'signal_name', 'signal_date DESC,instrument_id,series_id'),
                 ('equities.market_data', 'symbol', 'time DESC')$$
    ELSE $$SELECT NULL::text AS hypertable, NULL::text AS segmentby, NULL::text AS orderby WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'compressed segments by token, symbol, instrument, series or curve, ordered by time descending, then the keys'' columns that lead no index'
                ELSE 'no compression settings exist' END));
SELECT is_empty(
    $$SELECT h.hypertable_schema || '.' || h.hypertable_name || '.' || a.attname
        FROM timescaledb_information.hypertables AS h
        JOIN pg_index AS i ON i.indrelid = format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass AND i.indisunique
        JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE h.compression_enabled
         AND NOT EXISTS (SELECT FROM timescaledb_information.compression_settings AS s
                          WHERE (s.hypertable_schema, s.hypertable_name, s.attname) = (h.hypertable_schema, h.hypertable_name, a.attname))
         AND NOT EXISTS (SELECT FROM pg_index AS x WHERE x.indrelid = i.indrelid AND x.indkey[0] = a.attnum)$$,
    'every column of every unique key of a compressed hypertable is segmentby, orderby or leads an index (found in compressed batches by ON CONFLICT)');

SELECT set_eq(
    $$SELECT conrelid::regclass::text AS referencing, confrelid::regclass::text AS referenced FROM pg_constraint
       WHERE contype = 'f' AND connamespace IN ('macro'::regnamespace, 'equities'::regnamespace)$$,
    $$VALUES ('macro.series_metadata', 'macro.data_sources'),
             ('macro.market_data', 'macro.instruments'), ('macro.macro_series', 'macro.series_metadata'),
             ('macro.flow_data', 'macro.series_metadata'), ('macro.fiscal_data', 'macro.series_metadata'),
             ('macro.vol_surfaces', 'macro.instruments'), ('macro.signals', 'macro.instruments'),
             ('macro.signals', 'macro.series_metadata'),
             ('equities.market_data', 'equities.assets'), ('equities.corporate_actions', 'equities.assets')$$,
    'hypertables reference metadata tables by foreign key, and no foreign key points at a hypertable');
SELECT is_empty(
    $$SELECT conname FROM pg_constraint c JOIN timescaledb_information.hypertables h
          ON c.confrelid = format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass
       WHERE c.contype = 'f'$$,
    'never a foreign key to a hypertable');
SELECT is_empty(
    $$SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'$$,
    'no TimescaleDB retention policy on either edition: marketdb''s maintenance applies retention');

SELECT * FROM finish();
ROLLBACK;
