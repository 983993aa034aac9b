-- Verify marketdb:macro/data_sources on pg

BEGIN;

SELECT source_id, name, base_url, auth_type, rate_limit_per_minute, created_at, updated_at FROM macro.data_sources WHERE false;

ROLLBACK;
