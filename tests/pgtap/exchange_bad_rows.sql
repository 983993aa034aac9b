-- exchange: every kind of bad row is rejected with its named constraint, and what was
-- already stored stays stored.
BEGIN;
SELECT plan(40);

-- One good row per table, stored before the bad ones are tried.
INSERT INTO exchange.series (series_ticker, title) VALUES ('KXCPI', 'CPI');
INSERT INTO exchange.events (event_ticker, series_ticker, title, status) VALUES ('KXCPI-26NOV', 'KXCPI', 'CPI Nov', 'open');
INSERT INTO exchange.markets (ticker, event_ticker, series_ticker, title, status, open_time, close_time, expiration_time)
VALUES ('KXCPI-26NOV-T3.0', 'KXCPI-26NOV', 'KXCPI', 'CPI above 3.0', 'open', now() - interval '1 day', now() + interval '1 day', now() + interval '2 days');
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('t-1', 'KXCPI-26NOV-T3.0', now(), 56, 44, 10, 'yes');
INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('KXCPI-26NOV-T3.0', now(), 1, 'yes', 55, 100);
INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask, last_price, volume, open_interest)
VALUES ('KXCPI-26NOV-T3.0', now(), 55, 57, 56, 1000, 400);
INSERT INTO exchange.settlements (ticker, event_ticker, series_ticker, result, settlement_value, settled_at)
VALUES ('KXCPI-26OCT-T3.0', 'KXCPI-26OCT', 'KXCPI', 'yes', 100, now());

CREATE FUNCTION pg_temp.trade(p_values text) RETURNS text LANGUAGE sql AS $$
    SELECT format('INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side) VALUES (%s)', p_values)
$$;

SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 0, 100, 1, 'yes'$$), '%"trades_yes_price_range"%', 'a yes price of 0 violates trades_yes_price_range');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 100, 0, 1, 'yes'$$), '%"trades_yes_price_range"%', 'a yes price of 100 violates trades_yes_price_range');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 50, 99.5, 1, 'yes'$$), '%"trades_prices_sum_to_100"%', 'a no price that is not 100 - yes violates trades_prices_sum_to_100');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 50, 49, 1, 'yes'$$), '%"trades_prices_sum_to_100"%', 'yes + no <> 100 violates trades_prices_sum_to_100');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 50, 50, 0, 'yes'$$), '%"trades_count_positive"%', 'a count of 0 violates trades_count_positive');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 50, 50, -3, 'yes'$$), '%"trades_count_positive"%', 'a negative count violates trades_count_positive');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', now(), 50, 50, 1, 'maybe'$$), '%"trades_taker_side_known"%', 'an unknown taker side violates trades_taker_side_known');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', NULL, 50, 50, 1, 'yes'$$), '%null value in column "ts"%', 'a trade without a time is rejected');
SELECT throws_like(pg_temp.trade($$'t-2', 'X', '2031-06-01', 0, 100, 1, 'yes'$$), '%"trades_yes_price_range"%',
    'a bad trade for a day without a partition is rejected by the same named constraint in the default partition');
SELECT throws_like(pg_temp.trade($$'t-1', 'KXCPI-26NOV-T3.0', now(), 56, 44, 10, 'yes'$$), '%"trades\_%\_pkey"%',
    'a second copy of a stored trade violates the (trade_id, ts) key');

SELECT throws_like($$INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('X', now(), 2, 'yes', 100, 5)$$,
    '%"orderbook_deltas_price_range"%', 'a delta at price 100 violates orderbook_deltas_price_range');
SELECT throws_like($$INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('X', now(), 2, 'yes', 50, 0)$$,
    '%"orderbook_deltas_delta_nonzero"%', 'a zero delta violates orderbook_deltas_delta_nonzero');
SELECT throws_like($$INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('X', now(), 2, 'bid', 50, 1)$$,
    '%"orderbook_deltas_side_known"%', 'an unknown side violates orderbook_deltas_side_known');
SELECT throws_like($$INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('X', now(), -1, 'yes', 50, 1)$$,
    '%"orderbook_deltas_seq_not_negative"%', 'a negative sequence number violates orderbook_deltas_seq_not_negative');

SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('X', now(), 60, 55)$$,
    '%"market_snapshots_bid_not_above_ask"%', 'a bid above the ask violates market_snapshots_bid_not_above_ask');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('X', now(), -1, 55)$$,
    '%"market_snapshots_yes_bid_range"%', 'a negative bid violates market_snapshots_yes_bid_range');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('X', now(), 50, 101)$$,
    '%"market_snapshots_yes_ask_range"%', 'an ask above 100 violates market_snapshots_yes_ask_range');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask, last_price) VALUES ('X', now(), 50, 60, 0)$$,
    '%"market_snapshots_last_price_range"%', 'a last price of 0 violates market_snapshots_last_price_range');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask, volume) VALUES ('X', now(), 50, 60, -1)$$,
    '%"market_snapshots_volume_not_negative"%', 'a negative volume violates market_snapshots_volume_not_negative');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask, open_interest) VALUES ('X', now(), 50, 60, -1)$$,
    '%"market_snapshots_open_interest_not_negative"%', 'a negative open interest violates market_snapshots_open_interest_not_negative');

SELECT throws_like($$INSERT INTO exchange.settlements (ticker, event_ticker, series_ticker, result, settlement_value, settled_at) VALUES ('Y', 'E', 'S', 'maybe', 0, now())$$,
    '%"settlements_result_known"%', 'an unknown result violates settlements_result_known');
SELECT throws_like($$INSERT INTO exchange.settlements (ticker, event_ticker, series_ticker, result, settlement_value, settled_at) VALUES ('Y', 'E', 'S', 'yes', 100.5, now())$$,
    '%"settlements_value_range"%', 'a settlement value above 100 violates settlements_value_range');
SELECT throws_like($$INSERT INTO exchange.markets (ticker, event_ticker, series_ticker, title, open_time, close_time) VALUES ('M', 'E', 'S', 'm', now(), now() - interval '1 hour')$$,
    '%"markets_close_after_open"%', 'a market closing before it opens violates markets_close_after_open');
SELECT throws_like($$INSERT INTO exchange.markets (ticker, event_ticker, series_ticker, title, status) VALUES ('M', 'E', 'S', 'm', 'paused')$$,
    '%"markets_status_known"%', 'an unknown market status violates markets_status_known');
SELECT throws_like($$INSERT INTO exchange.events (event_ticker, series_ticker, title, status) VALUES ('E2', 'S', 'e', 'paused')$$,
    '%"events_status_known"%', 'an unknown event status violates events_status_known');
SELECT throws_like($$INSERT INTO exchange.series (series_ticker, title) VALUES ('  ', 'blank')$$,
    '%"series_ticker_not_blank"%', 'a blank series ticker violates series_ticker_not_blank');

-- Idempotent ingestion: the same batch twice stores it once.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('t-1', 'KXCPI-26NOV-T3.0', (SELECT ts FROM exchange.trades WHERE trade_id = 't-1'), 56, 44, 10, 'yes'),
       ('t-3', 'KXCPI-26NOV-T3.0', now(), 57, 43, 1, 'no')
ON CONFLICT DO NOTHING;
SELECT is((SELECT count(*)::integer FROM exchange.trades WHERE trade_id IN ('t-1', 't-3')), 2,
    'a batch replayed with ON CONFLICT DO NOTHING stores each trade once');

-- Partition keys outside the plausible window (exchange/time_window), tried as the writer:
-- rows that once landed in the default partition and wedged or exploded maintenance.
SET LOCAL ROLE marketdb_writer;
SELECT throws_like(pg_temp.trade($$'t-3', 'X', 'infinity', 50, 50, 1, 'yes'$$), '%"trades_ts_plausible"%', 'a trade at infinity violates trades_ts_plausible');
SELECT throws_like(pg_temp.trade($$'t-3', 'X', '-infinity', 50, 50, 1, 'yes'$$), '%"trades_ts_plausible"%', 'a trade at -infinity violates trades_ts_plausible');
SELECT throws_like(pg_temp.trade($$'t-3', 'X', '1970-01-01 00:00+00', 50, 50, 1, 'yes'$$), '%"trades_ts_plausible"%', 'a trade in 1970 violates trades_ts_plausible');
SELECT throws_like(pg_temp.trade($$'t-3', 'X', '294276-12-31 23:00+00', 50, 50, 1, 'yes'$$), '%"trades_ts_plausible"%', 'a trade in year 294276 violates trades_ts_plausible');
SELECT throws_like($$INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('X', 'infinity', 2, 'yes', 55, 1)$$,
    '%"orderbook_deltas_ts_plausible"%', 'a delta at infinity violates orderbook_deltas_ts_plausible');
SELECT throws_like($$INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('X', '2100-01-01 00:00+00', 55, 57)$$,
    '%"market_snapshots_ts_plausible"%', 'a snapshot at 2100-01-01 violates market_snapshots_ts_plausible');
SELECT lives_ok(pg_temp.trade($$'t-4', 'X', '2018-01-01 00:00+00', 50, 50, 1, 'yes'$$), 'a trade at the window''s first instant is accepted');
RESET ROLE;
SELECT is((SELECT count(*)::integer FROM exchange.trades_default WHERE ts <> '2018-01-01 00:00+00'), 0, 'no rejected row reached the default partition');

-- Nothing stored before was lost to the rejected rows.
SELECT is((SELECT count(*)::integer FROM exchange.orderbook_deltas), 1, 'the stored order-book delta is still there');
SELECT is((SELECT count(*)::integer FROM exchange.market_snapshots), 1, 'the stored snapshot is still there');
SELECT is((SELECT count(*)::integer FROM exchange.settlements), 1, 'the stored settlement is still there');
SELECT is((SELECT count(*)::integer FROM exchange.markets), 1, 'the stored market is still there');
SELECT results_eq($$SELECT yes_price, no_price, count FROM exchange.trades WHERE trade_id = 't-1'$$,
    $$VALUES (56.00::numeric(5,2), 44.00::numeric(5,2), 10)$$, 'the stored trade is unchanged');

SELECT * FROM finish();
ROLLBACK;
