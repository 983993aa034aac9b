-- Verify marketdb:crypto/row_rules on pg

BEGIN;

-- All 30 rules exist on their tables and are validated.
SELECT 1 / (count(*) = 30)::integer
  FROM pg_constraint AS c
 WHERE c.contype = 'c' AND c.convalidated
   AND (c.conrelid::regclass::text, c.conname) IN (
       ('crypto.candles_1m', 'candles_1m_symbol_not_blank'),
       ('crypto.candles_1m', 'candles_1m_symbol_length'),
       ('crypto.candles_1m', 'candles_1m_bucket_start_plausible'),
       ('crypto.candles_1m', 'candles_1m_open_finite'),
       ('crypto.candles_1m', 'candles_1m_high_finite'),
       ('crypto.candles_1m', 'candles_1m_low_finite'),
       ('crypto.candles_1m', 'candles_1m_close_finite'),
       ('crypto.candles_1m', 'candles_1m_volume_finite'),
       ('crypto.candles_1m', 'candles_1m_quote_volume_finite'),
       ('crypto.candles_1m', 'candles_1m_taker_buy_volume_finite'),
       ('crypto.candles_1m', 'candles_1m_taker_buy_quote_volume_finite'),
       ('crypto.trades', 'trades_symbol_not_blank'),
       ('crypto.trades', 'trades_symbol_length'),
       ('crypto.trades', 'trades_trade_id_not_blank'),
       ('crypto.trades', 'trades_trade_id_length'),
       ('crypto.trades', 'trades_trade_ts_plausible'),
       ('crypto.trades', 'trades_price_finite'),
       ('crypto.trades', 'trades_quantity_finite'),
       ('crypto.oi_snapshots', 'oi_snapshots_symbol_not_blank'),
       ('crypto.oi_snapshots', 'oi_snapshots_symbol_length'),
       ('crypto.oi_snapshots', 'oi_snapshots_snapshot_ts_plausible'),
       ('crypto.oi_snapshots', 'oi_snapshots_open_interest_finite'),
       ('crypto.oi_snapshots', 'oi_snapshots_open_interest_usd_finite'),
       ('crypto.oi_snapshots', 'oi_snapshots_open_interest_bps_finite'),
       ('crypto.funding', 'funding_symbol_not_blank'),
       ('crypto.funding', 'funding_symbol_length'),
       ('crypto.funding', 'funding_funding_ts_plausible'),
       ('crypto.funding', 'funding_funding_rate_finite'),
       ('crypto.funding', 'funding_rate_annualized_finite'),
       ('crypto.funding', 'funding_payment_finite'));

ROLLBACK;
