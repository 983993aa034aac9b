-- onchain and crypto hypertables: chunking, keys, time indexes, registry, and compression
-- as the TimescaleDB edition under test allows (the descriptions name the edition).
BEGIN;
SELECT plan(12);

SELECT diag('TimescaleDB edition: ' || maintenance.edition());

SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, column_name::text, time_interval
        FROM timescaledb_information.dimensions WHERE dimension_number = 1$$,
    $$VALUES ('onchain.price_snapshots', 'ts', interval '1 day'),
             ('onchain.orderbook_snapshots', 'ts', interval '7 days'),
             ('onchain.trades', 'ts', interval '1 day'),
             ('crypto.candles_1m', 'ts', interval '7 days'),
             ('crypto.trades', 'ts', interval '3 days'),
             ('crypto.oi_snapshots', 'ts', interval '7 days'),
             ('crypto.funding', 'ts', interval '30 days')$$,
    'the seven hypertables and only they exist, each chunked on ts at its interval');

SELECT set_eq(
    $$SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action
        FROM maintenance.policy WHERE kind = 'hypertable'$$,
    $$VALUES ('onchain.price_snapshots', 'hypertable', interval '1 day', 0, interval '90 days', 'drop'),
             ('onchain.orderbook_snapshots', 'hypertable', interval '7 days', 0, NULL::interval, 'drop'),
             ('onchain.trades', 'hypertable', interval '1 day', 0, interval '90 days', 'drop'),
             ('crypto.candles_1m', 'hypertable', interval '7 days', 0, interval '180 days', 'drop'),
             ('crypto.trades', 'hypertable', interval '3 days', 0, interval '30 days', 'drop'),
             ('crypto.oi_snapshots', 'hypertable', interval '7 days', 0, interval '120 days', 'drop'),
             ('crypto.funding', 'hypertable', interval '30 days', 0, interval '365 days', 'drop')$$,
    'each hypertable''s retention is a row of the maintenance registry (order books are kept)');

SELECT set_eq(
    $$SELECT c.conrelid::regclass::text AS relation, array_agg(a.attname::text ORDER BY k.ord)
        FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'p' AND c.connamespace IN ('onchain'::regnamespace, 'crypto'::regnamespace)
       GROUP BY c.conrelid, c.conname$$,
    $$VALUES ('onchain.markets', ARRAY['token_id']), ('onchain.resolutions', ARRAY['token_id']),
             ('onchain.price_snapshots', ARRAY['token_id', 'ts']), ('onchain.orderbook_snapshots', ARRAY['token_id', 'ts']),
             ('crypto.candles_1m', ARRAY['symbol', 'ts']), ('crypto.trades', ARRAY['symbol', 'ts', 'trade_id']),
             ('crypto.oi_snapshots', ARRAY['symbol', 'ts']), ('crypto.funding', ARRAY['symbol', 'ts'])$$,
    'composite primary keys on (id, time); crypto trades on (symbol, ts, trade_id); onchain trades have none (nullable id)');

SELECT is(
    pg_get_indexdef('onchain.trades_trade_id_ts_key'::regclass),
    'CREATE UNIQUE INDEX trades_trade_id_ts_key ON onchain.trades USING btree (trade_id, ts) WHERE (trade_id IS NOT NULL)',
    'onchain trades are unique on (trade_id, ts) where trade_id is not null');

SELECT set_eq(
    $$SELECT tablename::text FROM pg_indexes
       WHERE schemaname IN ('onchain', 'crypto') AND indexdef LIKE '% USING btree (ts DESC)'$$,
    ARRAY['price_snapshots', 'orderbook_snapshots', 'trades', 'candles_1m', 'trades', 'oi_snapshots', 'funding'],
    'every hypertable has an index on its bare time column, for cross-symbol time windows');

SELECT has_index('onchain', 'markets', 'markets_active_end_date_idx', 'end_date', 'active markets have a partial index');
SELECT is(
    (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'onchain.markets_active_end_date_idx'::regclass),
    '(active AND (NOT closed))', 'the markets index covers only active, open markets');

SELECT col_default_is('crypto', 'trades', 'created_at', 'now()', 'the database records ingestion time in created_at');

-- Compression exists on the timescale edition only.
SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, compression_enabled FROM timescaledb_information.hypertables$$,
    format($$VALUES ('onchain.price_snapshots', %1$s), ('onchain.orderbook_snapshots', %1$s), ('onchain.trades', %1$s),
                    ('crypto.candles_1m', %1$s), ('crypto.trades', %1$s), ('crypto.oi_snapshots', %1$s), ('crypto.funding', %1$s)$$,
           (maintenance.edition() = 'timescale')::text),
    format('edition %s: compression is %s on every hypertable', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'enabled' ELSE 'absent' END));

SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, config ->> 'compress_after' AS compress_after
        FROM timescaledb_information.jobs WHERE proc_name = 'policy_compression'$$,
    CASE WHEN maintenance.edition() = 'timescale' THEN
        $$VALUES ('onchain.price_snapshots', '7 days'), ('onchain.orderbook_snapshots', '7 days'), ('onchain.trades', '7 days'),
                 ('crypto.candles_1m', '30 days'), ('crypto.trades', '7 days'), ('crypto.oi_snapshots', '7 days'),
                 ('crypto.funding', '7 days')$$
    ELSE $$SELECT NULL::text AS hypertable, NULL::text AS compress_after WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'a compression policy per hypertable, after 7 days (candles 30)'
                ELSE 'no compression policy exists' END));

SELECT set_eq(
    $$SELECT hypertable_schema || '.' || hypertable_name AS hypertable, attname::text, segmentby_column_index, orderby_asc
        FROM timescaledb_information.compression_settings$$,
    CASE WHEN maintenance.edition() = 'timescale' THEN
        $$VALUES ('onchain.price_snapshots', 'token_id', 1::smallint, NULL::boolean), ('onchain.price_snapshots', 'ts', NULL, false),
                 ('onchain.orderbook_snapshots', 'token_id', 1, NULL), ('onchain.orderbook_snapshots', 'ts', NULL, false),
                 ('onchain.trades', 'token_id', 1, NULL), ('onchain.trades', 'ts', NULL, false),
                 ('crypto.candles_1m', 'symbol', 1, NULL), ('crypto.candles_1m', 'ts', NULL, false),
                 ('crypto.trades', 'symbol', 1, NULL), ('crypto.trades', 'ts', NULL, false),
                 ('crypto.oi_snapshots', 'symbol', 1, NULL), ('crypto.oi_snapshots', 'ts', NULL, false),
                 ('crypto.funding', 'symbol', 1, NULL), ('crypto.funding', 'ts', NULL, false)$$
    ELSE $$SELECT NULL::text AS hypertable, NULL::text AS attname, NULL::smallint AS segmentby, NULL::boolean AS orderby_asc WHERE false$$ END,
    format('edition %s: %s', maintenance.edition(),
           CASE WHEN maintenance.edition() = 'timescale' THEN 'compressed segments by token id or symbol, ordered by time descending'
                ELSE 'no compression settings exist' END));

SELECT is_empty(
    $$SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'$$,
    'no TimescaleDB retention policy on either edition: marketdb''s maintenance applies retention');

SELECT * FROM finish();
ROLLBACK;
