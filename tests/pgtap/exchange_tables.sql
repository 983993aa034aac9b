-- exchange: tables, columns, keys, constraints and the partitions made at deploy.
BEGIN;
\ir _helpers.psql
SELECT plan(44);

SELECT set_eq(
    $$SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'exchange' AND c.relkind IN ('r', 'p') AND NOT c.relispartition$$,
    ARRAY['series', 'events', 'markets', 'settlements', 'trades', 'orderbook_deltas', 'market_snapshots'],
    'exchange holds the seven tables (and the partitions of three), nothing else');

SELECT columns_are('exchange', 'series', ARRAY['series_ticker', 'title', 'category', 'frequency', 'tags', 'created_at', 'updated_at'], 'series columns');
SELECT columns_are('exchange', 'events', ARRAY['event_ticker', 'series_ticker', 'title', 'sub_title', 'category', 'status', 'strike_date', 'mutually_exclusive', 'created_at', 'updated_at'], 'events columns');
SELECT columns_are('exchange', 'markets', ARRAY['ticker', 'event_ticker', 'series_ticker', 'title', 'status', 'open_time', 'close_time', 'expiration_time', 'created_at', 'updated_at'], 'markets columns');
SELECT columns_are('exchange', 'settlements', ARRAY['ticker', 'event_ticker', 'series_ticker', 'result', 'settlement_value', 'settled_at', 'created_at'], 'settlements columns');
SELECT columns_are('exchange', 'trades', ARRAY['trade_id', 'ticker', 'ts', 'yes_price', 'no_price', 'count', 'taker_side', 'created_at'], 'trades columns');
SELECT columns_are('exchange', 'orderbook_deltas', ARRAY['ticker', 'ts', 'seq', 'side', 'price', 'delta', 'created_at'], 'orderbook_deltas columns');
SELECT columns_are('exchange', 'market_snapshots', ARRAY['ticker', 'ts', 'yes_bid', 'yes_ask', 'last_price', 'volume', 'open_interest', 'created_at'], 'market_snapshots columns');

SELECT col_is_pk('exchange', 'series', 'series_ticker', 'series are keyed by series ticker');
SELECT col_is_pk('exchange', 'events', 'event_ticker', 'events are keyed by event ticker');
SELECT col_is_pk('exchange', 'markets', 'ticker', 'markets are keyed by ticker');
SELECT col_is_pk('exchange', 'settlements', 'ticker', 'one settlement per market');
SELECT col_is_pk('exchange', 'trades', ARRAY['trade_id', 'ts'], 'trades'' primary key is (trade_id, ts): the key includes the partition column');
SELECT col_is_pk('exchange', 'orderbook_deltas', ARRAY['ticker', 'seq', 'ts'], 'order-book deltas'' primary key is (ticker, seq, ts)');
SELECT col_is_pk('exchange', 'market_snapshots', ARRAY['ticker', 'ts'], 'snapshots'' primary key is (ticker, ts)');
-- The primary key is the replica identity logical replication publishes updates and
-- deletes by, on the parents and on every partition.
SELECT is_empty(
    $$SELECT c.oid::regclass::text FROM pg_class AS c
       WHERE (c.oid IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass, 'exchange.market_snapshots'::regclass)
              OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent IN ('exchange.trades'::regclass, 'exchange.orderbook_deltas'::regclass,
                                                                                'exchange.market_snapshots'::regclass)))
         AND NOT (c.relreplident = 'd' AND EXISTS (SELECT FROM pg_index AS x WHERE x.indrelid = c.oid AND x.indisprimary AND x.indisvalid))$$,
    'the exchange tables and each of their partitions have a valid primary key as replica identity');

SELECT is_empty(
    $$SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'exchange' AND c.contype = 'f'$$,
    'the exchange hierarchy and its data are linked by ticker columns, without foreign keys');

SELECT col_type_is('exchange', 'trades', 'yes_price', 'numeric(5,2)', 'prices are NUMERIC, never float');
SELECT col_type_is('exchange', 'trades', 'ts', 'timestamp with time zone', 'trade time is timestamptz');
SELECT col_type_is('exchange', 'settlements', 'settlement_value', 'numeric(7,4)', 'settlement value is NUMERIC');
SELECT col_not_null('exchange', 'trades', 'ts', 'a trade has a time');

SELECT is_partitioned('exchange', 'trades', 'trades is partitioned');
SELECT is_partitioned('exchange', 'orderbook_deltas', 'orderbook_deltas is partitioned');
SELECT is_partitioned('exchange', 'market_snapshots', 'market_snapshots is partitioned');
SELECT is(
    (SELECT pg_get_partkeydef('exchange.trades'::regclass)), 'RANGE (ts)',
    'trades are partitioned by RANGE (ts)');
SELECT is_partition_of('exchange', 'trades_default', 'exchange', 'trades', 'trades has a default partition');
SELECT is_partition_of('exchange', 'orderbook_deltas_default', 'exchange', 'orderbook_deltas', 'orderbook_deltas has a default partition');
SELECT is_partition_of('exchange', 'market_snapshots_default', 'exchange', 'market_snapshots', 'market_snapshots has a default partition');

SELECT is(pg_get_indexdef('exchange.trades_ticker_ts_idx'::regclass),
    'CREATE INDEX trades_ticker_ts_idx ON ONLY exchange.trades USING btree (ticker, ts DESC)', 'trades are indexed on (ticker, ts DESC)');
SELECT is(pg_get_indexdef('exchange.orderbook_deltas_ticker_ts_idx'::regclass),
    'CREATE INDEX orderbook_deltas_ticker_ts_idx ON ONLY exchange.orderbook_deltas USING btree (ticker, ts DESC)', 'deltas are indexed on (ticker, ts DESC)');
SELECT is((SELECT array_agg(indexrelid::regclass::text ORDER BY 1) FROM pg_index WHERE indrelid = 'exchange.market_snapshots'::regclass),
    ARRAY['exchange.market_snapshots_pkey'],
    'snapshots have one index, the primary key''s (ticker, ts): latest-first reads scan it backwards');
SELECT has_index('exchange', 'events', 'events_category_idx', 'category', 'events are indexed by category');
SELECT has_index('exchange', 'events', 'events_status_idx', 'status', 'events are indexed by status');
SELECT has_index('exchange', 'events', 'events_series_ticker_idx', 'series_ticker', 'events are indexed by series');

SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.trades'::regclass AND contype = 'c'$$,
    ARRAY['trades_yes_price_range', 'trades_prices_sum_to_100', 'trades_count_positive', 'trades_taker_side_known', 'trades_ts_plausible',
          -- exchange/row_rules
          'trades_trade_id_not_blank', 'trades_trade_id_length', 'trades_ticker_not_blank',
          'trades_ticker_length'],
    'every trade rule is a named check constraint');
SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.orderbook_deltas'::regclass AND contype = 'c'$$,
    ARRAY['orderbook_deltas_seq_not_negative', 'orderbook_deltas_side_known', 'orderbook_deltas_price_range', 'orderbook_deltas_delta_nonzero',
          'orderbook_deltas_ts_plausible',
          -- exchange/row_rules
          'orderbook_deltas_ticker_not_blank', 'orderbook_deltas_ticker_length'],
    'every order-book rule is a named check constraint');
SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.market_snapshots'::regclass AND contype = 'c'$$,
    ARRAY['market_snapshots_yes_bid_range', 'market_snapshots_yes_ask_range', 'market_snapshots_bid_not_above_ask',
          'market_snapshots_last_price_range', 'market_snapshots_volume_not_negative', 'market_snapshots_open_interest_not_negative',
          'market_snapshots_ts_plausible',
          -- exchange/row_rules
          'market_snapshots_ticker_not_blank', 'market_snapshots_ticker_length'],
    'every snapshot rule is a named check constraint');
SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.settlements'::regclass AND contype = 'c'$$,
    ARRAY['settlements_result_known', 'settlements_value_range',
          -- exchange/row_rules
          'settlements_ticker_not_blank', 'settlements_ticker_length', 'settlements_event_ticker_not_blank',
          'settlements_event_ticker_length', 'settlements_series_ticker_not_blank', 'settlements_series_ticker_length',
          'settlements_settled_at_plausible'],
    'every settlement rule is a named check constraint');
SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.markets'::regclass AND contype = 'c'$$,
    ARRAY['markets_ticker_not_blank', 'markets_status_known', 'markets_close_after_open', 'markets_expiration_after_close',
          -- exchange/row_rules
          'markets_ticker_length', 'markets_event_ticker_not_blank', 'markets_event_ticker_length',
          'markets_series_ticker_not_blank', 'markets_series_ticker_length', 'markets_title_not_blank',
          'markets_title_length', 'markets_open_time_plausible', 'markets_close_time_plausible',
          'markets_expiration_time_plausible'],
    'every market rule is a named check constraint');
SELECT set_eq(
    $$SELECT conname::text FROM pg_constraint WHERE conrelid = 'exchange.events'::regclass AND contype = 'c'$$,
    ARRAY['events_ticker_not_blank', 'events_status_known',
          -- exchange/row_rules
          'events_event_ticker_length', 'events_series_ticker_not_blank', 'events_series_ticker_length',
          'events_title_not_blank', 'events_title_length', 'events_sub_title_length',
          'events_category_not_blank', 'events_category_length', 'events_strike_date_plausible'],
    'every event rule is a named check constraint');

SELECT results_eq(
    $$SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action, enabled
        FROM maintenance.policy WHERE parent_table LIKE 'exchange.%' ORDER BY parent_table$$,
    $$VALUES ('exchange.market_snapshots', 'partitioned', interval '1 day', 7, interval '180 days', 'drop', true),
             ('exchange.orderbook_deltas', 'partitioned', interval '1 day', 7, interval '90 days', 'detach', true),
             ('exchange.trades', 'partitioned', interval '1 day', 7, NULL::interval, 'drop', true)$$,
    'the three partitioned tables are registered: daily, 7 days ahead, their retention');

-- Deploy made yesterday .. today + 7 (UTC) through the maintenance function.
SELECT partitions_are('exchange', t,
    pg_temp.days(t, (now() AT TIME ZONE 'UTC')::date - 1, (now() AT TIME ZONE 'UTC')::date + 7) || format('exchange.%s_default', t)::name,
    format('%s has the default partition and one per UTC day from yesterday to today + 7', t))
  FROM unnest(ARRAY['trades', 'orderbook_deltas', 'market_snapshots']) AS t;

SELECT * FROM finish();
ROLLBACK;
