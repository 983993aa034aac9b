-- Verify marketdb:exchange/row_rules on pg

BEGIN;

-- All 40 rules exist on their tables and are validated.
SELECT 1 / (count(*) = 40)::integer
  FROM pg_constraint AS c
 WHERE c.contype = 'c' AND c.convalidated
   AND (c.conrelid::regclass::text, c.conname) IN (
       ('exchange.series', 'series_series_ticker_length'),
       ('exchange.series', 'series_title_length'),
       ('exchange.series', 'series_category_not_blank'),
       ('exchange.series', 'series_category_length'),
       ('exchange.series', 'series_frequency_not_blank'),
       ('exchange.series', 'series_frequency_length'),
       ('exchange.events', 'events_event_ticker_length'),
       ('exchange.events', 'events_series_ticker_not_blank'),
       ('exchange.events', 'events_series_ticker_length'),
       ('exchange.events', 'events_title_not_blank'),
       ('exchange.events', 'events_title_length'),
       ('exchange.events', 'events_sub_title_length'),
       ('exchange.events', 'events_category_not_blank'),
       ('exchange.events', 'events_category_length'),
       ('exchange.events', 'events_strike_date_plausible'),
       ('exchange.markets', 'markets_ticker_length'),
       ('exchange.markets', 'markets_event_ticker_not_blank'),
       ('exchange.markets', 'markets_event_ticker_length'),
       ('exchange.markets', 'markets_series_ticker_not_blank'),
       ('exchange.markets', 'markets_series_ticker_length'),
       ('exchange.markets', 'markets_title_not_blank'),
       ('exchange.markets', 'markets_title_length'),
       ('exchange.markets', 'markets_open_time_plausible'),
       ('exchange.markets', 'markets_close_time_plausible'),
       ('exchange.markets', 'markets_expiration_time_plausible'),
       ('exchange.trades', 'trades_trade_id_not_blank'),
       ('exchange.trades', 'trades_trade_id_length'),
       ('exchange.trades', 'trades_ticker_not_blank'),
       ('exchange.trades', 'trades_ticker_length'),
       ('exchange.orderbook_deltas', 'orderbook_deltas_ticker_not_blank'),
       ('exchange.orderbook_deltas', 'orderbook_deltas_ticker_length'),
       ('exchange.market_snapshots', 'market_snapshots_ticker_not_blank'),
       ('exchange.market_snapshots', 'market_snapshots_ticker_length'),
       ('exchange.settlements', 'settlements_ticker_not_blank'),
       ('exchange.settlements', 'settlements_ticker_length'),
       ('exchange.settlements', 'settlements_event_ticker_not_blank'),
       ('exchange.settlements', 'settlements_event_ticker_length'),
       ('exchange.settlements', 'settlements_series_ticker_not_blank'),
       ('exchange.settlements', 'settlements_series_ticker_length'),
       ('exchange.settlements', 'settlements_settled_at_plausible'));

ROLLBACK;
