-- Verify marketdb:onchain/row_rules on pg

BEGIN;

-- All 24 rules exist on their tables and are validated.
SELECT 1 / (count(*) = 24)::integer
  FROM pg_constraint AS c
 WHERE c.contype = 'c' AND c.convalidated
   AND (c.conrelid::regclass::text, c.conname) IN (
       ('onchain.markets', 'markets_token_id_length'),
       ('onchain.markets', 'markets_condition_id_not_blank'),
       ('onchain.markets', 'markets_condition_id_length'),
       ('onchain.markets', 'markets_question_length'),
       ('onchain.markets', 'markets_outcome_not_blank'),
       ('onchain.markets', 'markets_outcome_length'),
       ('onchain.markets', 'markets_market_slug_not_blank'),
       ('onchain.markets', 'markets_market_slug_length'),
       ('onchain.markets', 'markets_end_date_plausible'),
       ('onchain.resolutions', 'resolutions_source_not_blank'),
       ('onchain.resolutions', 'resolutions_source_length'),
       ('onchain.resolutions', 'resolutions_resolved_at_plausible'),
       ('onchain.price_snapshots', 'price_snapshots_token_id_not_blank'),
       ('onchain.price_snapshots', 'price_snapshots_token_id_length'),
       ('onchain.price_snapshots', 'price_snapshots_ts_plausible'),
       ('onchain.orderbook_snapshots', 'orderbook_snapshots_token_id_not_blank'),
       ('onchain.orderbook_snapshots', 'orderbook_snapshots_token_id_length'),
       ('onchain.orderbook_snapshots', 'orderbook_snapshots_ts_plausible'),
       ('onchain.trades', 'trades_trade_id_not_blank'),
       ('onchain.trades', 'trades_trade_id_length'),
       ('onchain.trades', 'trades_token_id_not_blank'),
       ('onchain.trades', 'trades_token_id_length'),
       ('onchain.trades', 'trades_ts_plausible'),
       ('onchain.trades', 'trades_size_finite'));

ROLLBACK;
