-- Verify marketdb:crypto/seed_names on pg

BEGIN;

-- The seed's names (each fails before the change: the columns were ts, buyer_is_maker, rate).
SELECT symbol, bucket_start FROM crypto.candles_1m WHERE false;
SELECT symbol, trade_ts, trade_id, is_buyer_maker FROM crypto.trades WHERE false;
SELECT symbol, snapshot_ts, open_interest, open_interest_usd, open_interest_bps FROM crypto.oi_snapshots WHERE false;
SELECT symbol, funding_ts, funding_rate FROM crypto.funding WHERE false;
SELECT 'crypto.candles_1m_bucket_start_idx'::regclass, 'crypto.trades_trade_ts_idx'::regclass,
       'crypto.oi_snapshots_snapshot_ts_idx'::regclass, 'crypto.funding_funding_ts_idx'::regclass;

ROLLBACK;
