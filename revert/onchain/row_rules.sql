-- Revert marketdb:onchain/row_rules from pg

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

ALTER TABLE onchain.markets
    DROP CONSTRAINT markets_token_id_length,
    DROP CONSTRAINT markets_condition_id_not_blank,
    DROP CONSTRAINT markets_condition_id_length,
    DROP CONSTRAINT markets_question_length,
    DROP CONSTRAINT markets_outcome_not_blank,
    DROP CONSTRAINT markets_outcome_length,
    DROP CONSTRAINT markets_market_slug_not_blank,
    DROP CONSTRAINT markets_market_slug_length,
    DROP CONSTRAINT markets_end_date_plausible;
ALTER TABLE onchain.resolutions
    DROP CONSTRAINT resolutions_source_not_blank,
    DROP CONSTRAINT resolutions_source_length,
    DROP CONSTRAINT resolutions_resolved_at_plausible;
ALTER TABLE onchain.price_snapshots
    DROP CONSTRAINT price_snapshots_token_id_not_blank,
    DROP CONSTRAINT price_snapshots_token_id_length,
    DROP CONSTRAINT price_snapshots_ts_plausible;
ALTER TABLE onchain.orderbook_snapshots
    DROP CONSTRAINT orderbook_snapshots_token_id_not_blank,
    DROP CONSTRAINT orderbook_snapshots_token_id_length,
    DROP CONSTRAINT orderbook_snapshots_ts_plausible;
ALTER TABLE onchain.trades
    DROP CONSTRAINT trades_trade_id_not_blank,
    DROP CONSTRAINT trades_trade_id_length,
    DROP CONSTRAINT trades_token_id_not_blank,
    DROP CONSTRAINT trades_token_id_length,
    DROP CONSTRAINT trades_ts_plausible,
    DROP CONSTRAINT trades_size_finite;

COMMIT;
