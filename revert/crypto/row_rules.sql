-- Revert marketdb:crypto/row_rules from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE crypto.candles_1m
    DROP CONSTRAINT candles_1m_symbol_not_blank,
    DROP CONSTRAINT candles_1m_symbol_length,
    DROP CONSTRAINT candles_1m_bucket_start_plausible,
    DROP CONSTRAINT candles_1m_open_finite,
    DROP CONSTRAINT candles_1m_high_finite,
    DROP CONSTRAINT candles_1m_low_finite,
    DROP CONSTRAINT candles_1m_close_finite,
    DROP CONSTRAINT candles_1m_volume_finite,
    DROP CONSTRAINT candles_1m_quote_volume_finite,
    DROP CONSTRAINT candles_1m_taker_buy_volume_finite,
    DROP CONSTRAINT candles_1m_taker_buy_quote_volume_finite;
ALTER TABLE crypto.trades
    DROP CONSTRAINT trades_symbol_not_blank,
    DROP CONSTRAINT trades_symbol_length,
    DROP CONSTRAINT trades_trade_id_not_blank,
    DROP CONSTRAINT trades_trade_id_length,
    DROP CONSTRAINT trades_trade_ts_plausible,
    DROP CONSTRAINT trades_price_finite,
    DROP CONSTRAINT trades_quantity_finite;
ALTER TABLE crypto.oi_snapshots
    DROP CONSTRAINT oi_snapshots_symbol_not_blank,
    DROP CONSTRAINT oi_snapshots_symbol_length,
    DROP CONSTRAINT oi_snapshots_snapshot_ts_plausible,
    DROP CONSTRAINT oi_snapshots_open_interest_finite,
    DROP CONSTRAINT oi_snapshots_open_interest_usd_finite,
    DROP CONSTRAINT oi_snapshots_open_interest_bps_finite;
ALTER TABLE crypto.funding
    DROP CONSTRAINT funding_symbol_not_blank,
    DROP CONSTRAINT funding_symbol_length,
    DROP CONSTRAINT funding_funding_ts_plausible,
    DROP CONSTRAINT funding_funding_rate_finite,
    DROP CONSTRAINT funding_rate_annualized_finite,
    DROP CONSTRAINT funding_payment_finite;

COMMIT;
