-- The named constraints not exercised by the domain suites: each rejects its bad row by name.
BEGIN;
SELECT plan(25);

INSERT INTO macro.instruments (ticker, asset_class, currency) VALUES ('SPX', 'equity_index', 'USD');
INSERT INTO onchain.markets (token_id, condition_id, question, outcome) VALUES ('T1', 'c1', 'Will it?', 'yes');
INSERT INTO equities.assets (symbol, exchange, asset_type) VALUES ('AAPL.US', 'US', 'common_stock');
CREATE TEMP TABLE inst AS SELECT id FROM macro.instruments WHERE ticker = 'SPX';

SELECT throws_like($$INSERT INTO exchange.series (series_ticker, title) VALUES ('S', ' ')$$,
    '%"series_title_not_blank"%', 'a blank series title violates series_title_not_blank');
SELECT throws_like($$INSERT INTO exchange.events (event_ticker, series_ticker, title) VALUES ('', 'S', 'e')$$,
    '%"events_ticker_not_blank"%', 'a blank event ticker violates events_ticker_not_blank');
SELECT throws_like($$INSERT INTO exchange.markets (ticker, event_ticker, series_ticker, title, close_time, expiration_time)
                     VALUES ('M', 'E', 'S', 'm', now(), now() - interval '1 day')$$,
    '%"markets_expiration_after_close"%', 'an expiration before the close violates markets_expiration_after_close');

SELECT throws_like($$INSERT INTO onchain.markets (token_id, condition_id, question, outcome) VALUES (' ', 'c', 'q', 'yes')$$,
    '%"markets_token_id_not_blank"%', 'a blank token id violates markets_token_id_not_blank');
SELECT throws_like($$INSERT INTO onchain.markets (token_id, condition_id, question, outcome) VALUES ('T2', 'c', '', 'yes')$$,
    '%"markets_question_not_blank"%', 'a blank question violates markets_question_not_blank');
SELECT throws_like($$INSERT INTO onchain.resolutions (token_id, outcome, payout, resolved_at, source) VALUES ('T1', 'maybe', 1, now(), 'uma')$$,
    '%"resolutions_outcome_known"%', 'an unknown outcome violates resolutions_outcome_known');
SELECT throws_like($$INSERT INTO onchain.resolutions (token_id, outcome, payout, resolved_at, source) VALUES ('T1', 'yes', 1.5, now(), 'uma')$$,
    '%"resolutions_payout_range"%', 'a payout above 1 violates resolutions_payout_range');
SELECT throws_like($$INSERT INTO onchain.resolutions (token_id, outcome, payout, resolved_at, source) VALUES ('NOPE', 'yes', 1, now(), 'uma')$$,
    '%"resolutions_token_id_fkey"%', 'a resolution of an unknown token violates resolutions_token_id_fkey');
SELECT throws_like($$INSERT INTO onchain.price_snapshots (token_id, ts, price, best_bid) VALUES ('T1', now(), 0.5, -0.1)$$,
    '%"price_snapshots_best_bid_range"%', 'a negative best bid violates price_snapshots_best_bid_range');
SELECT throws_like($$INSERT INTO onchain.price_snapshots (token_id, ts, price, best_ask) VALUES ('T1', now(), 0.5, 1.1)$$,
    '%"price_snapshots_best_ask_range"%', 'a best ask above 1 violates price_snapshots_best_ask_range');

SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume) VALUES ('X', '2026-03-10 11:00+00', 0, 1, 0, 1, 1)$$,
    '%"candles_1m_prices_positive"%', 'a zero price violates candles_1m_prices_positive');
SELECT throws_like($$INSERT INTO crypto.candles_1m (symbol, bucket_start, open, high, low, close, volume, trade_count) VALUES ('X', '2026-03-10 11:00+00', 1, 1, 1, 1, 1, -1)$$,
    '%"candles_1m_trade_count_not_negative"%', 'a negative trade count violates candles_1m_trade_count_not_negative');

SELECT throws_like($$INSERT INTO macro.instruments (ticker, asset_class, currency) VALUES ('', 'fx', 'USD')$$,
    '%"instruments_ticker_not_blank"%', 'a blank ticker violates instruments_ticker_not_blank');
SELECT throws_like($$INSERT INTO macro.data_sources (name, auth_type) VALUES ('D', 'cookie')$$,
    '%"data_sources_auth_type_known"%', 'an unknown auth type violates data_sources_auth_type_known');
SELECT throws_like($$INSERT INTO macro.market_data (instrument_id, "timestamp", open, low, close) SELECT id, now(), 10, 11, 12 FROM inst$$,
    '%"market_data_low_not_above_open_close"%', 'a low above the open violates market_data_low_not_above_open_close');
SELECT throws_like($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, strike, implied_vol) SELECT id, '2026-03-10', '1M', -5, 0.2 FROM inst$$,
    '%"vol_surfaces_strike_positive"%', 'a negative strike violates vol_surfaces_strike_positive');
SELECT throws_like($$INSERT INTO macro.vol_surfaces (instrument_id, surface_date, tenor, strike, implied_vol) SELECT id, '2026-03-10', '1 month', 5, 0.2 FROM inst$$,
    '%"vol_surfaces_tenor_format"%', 'a tenor not in the market''s form violates vol_surfaces_tenor_format');
SELECT throws_like($$INSERT INTO macro.signals (signal_name, signal_date, value) VALUES (' ', '2026-03-10', 1)$$,
    '%"signals_name_not_blank"%', 'a blank signal name violates signals_name_not_blank');

SELECT throws_like($$INSERT INTO equities.market_data ("time", symbol, open, high, low, close, adjusted_close, volume) VALUES ('2026-03-11', 'AAPL.US', 10, 10, 10, 10, 0, 1)$$,
    '%"market_data_prices_positive"%', 'a zero adjusted close violates market_data_prices_positive');
SELECT throws_like($$INSERT INTO equities.corporate_actions ("date", symbol, action_type, value, currency) VALUES ('2026-03-01', 'AAPL.US', 'dividend', 1, 'usd')$$,
    '%"corporate_actions_currency_iso"%', 'a currency that is not ISO 4217 violates corporate_actions_currency_iso');

SELECT throws_like($$INSERT INTO maintenance.policy (parent_table) VALUES ('Exchange.Trades2')$$,
    '%"policy_parent_table_qualified"%', 'a registry row needs a lower-case schema.table name');
SELECT throws_like($$INSERT INTO maintenance.policy (parent_table, kind) VALUES ('exchange.x', 'view')$$,
    '%"policy_kind_known"%', 'an unknown kind violates policy_kind_known');
SELECT throws_like($$INSERT INTO maintenance.policy (parent_table, retention) VALUES ('exchange.x', interval '0')$$,
    '%"policy_retention_positive"%', 'a zero retention violates policy_retention_positive');
SELECT throws_like($$INSERT INTO maintenance.run_log (reference_time, dry_run, status) VALUES (now(), false, 'done')$$,
    '%"run_log_status_known"%', 'an unknown run status violates run_log_status_known');
SELECT throws_like($$INSERT INTO maintenance.run_log (reference_time, dry_run, started_at, finished_at) VALUES (now(), false, now(), now() - interval '1 second')$$,
    '%"run_log_finished_after_start"%', 'a run cannot finish before it started');

SELECT * FROM finish();
ROLLBACK;
