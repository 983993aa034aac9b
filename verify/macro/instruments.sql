-- Verify marketdb:macro/instruments on pg

BEGIN;

SELECT instrument_id, ticker, asset_class, country, currency, created_at, updated_at FROM macro.instruments WHERE false;

ROLLBACK;
