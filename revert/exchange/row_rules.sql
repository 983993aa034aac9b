-- Revert marketdb:exchange/row_rules from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE exchange.series
    DROP CONSTRAINT series_series_ticker_length,
    DROP CONSTRAINT series_title_length,
    DROP CONSTRAINT series_category_not_blank,
    DROP CONSTRAINT series_category_length,
    DROP CONSTRAINT series_frequency_not_blank,
    DROP CONSTRAINT series_frequency_length;
ALTER TABLE exchange.events
    DROP CONSTRAINT events_event_ticker_length,
    DROP CONSTRAINT events_series_ticker_not_blank,
    DROP CONSTRAINT events_series_ticker_length,
    DROP CONSTRAINT events_title_not_blank,
    DROP CONSTRAINT events_title_length,
    DROP CONSTRAINT events_sub_title_length,
    DROP CONSTRAINT events_category_not_blank,
    DROP CONSTRAINT events_category_length,
    DROP CONSTRAINT events_strike_date_plausible;
ALTER TABLE exchange.markets
    DROP CONSTRAINT markets_ticker_length,
    DROP CONSTRAINT markets_event_ticker_not_blank,
    DROP CONSTRAINT markets_event_ticker_length,
    DROP CONSTRAINT markets_series_ticker_not_blank,
    DROP CONSTRAINT markets_series_ticker_length,
    DROP CONSTRAINT markets_title_not_blank,
    DROP CONSTRAINT markets_title_length,
    DROP CONSTRAINT markets_open_time_plausible,
    DROP CONSTRAINT markets_close_time_plausible,
    DROP CONSTRAINT markets_expiration_time_plausible;
ALTER TABLE exchange.trades
    DROP CONSTRAINT trades_trade_id_not_blank,
    DROP CONSTRAINT trades_trade_id_length,
    DROP CONSTRAINT trades_ticker_not_blank,
    DROP CONSTRAINT trades_ticker_length;
ALTER TABLE exchange.orderbook_deltas
    DROP CONSTRAINT orderbook_deltas_ticker_not_blank,
    DROP CONSTRAINT orderbook_deltas_ticker_length;
ALTER TABLE exchange.market_snapshots
    DROP CONSTRAINT market_snapshots_ticker_not_blank,
    DROP CONSTRAINT market_snapshots_ticker_length;
ALTER TABLE exchange.settlements
    DROP CONSTRAINT settlements_ticker_not_blank,
    DROP CONSTRAINT settlements_ticker_length,
    DROP CONSTRAINT settlements_event_ticker_not_blank,
    DROP CONSTRAINT settlements_event_ticker_length,
    DROP CONSTRAINT settlements_series_ticker_not_blank,
    DROP CONSTRAINT settlements_series_ticker_length,
    DROP CONSTRAINT settlements_settled_at_plausible;

COMMIT;
