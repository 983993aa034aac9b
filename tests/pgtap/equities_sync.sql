-- equities incremental sync: which assets are due, in which order, and the claim lease.
BEGIN;
SELECT plan(18);

INSERT INTO equities.assets (symbol, exchange, asset_type, is_active, last_synced) VALUES
    ('NEVER.US', 'US', 'common_stock', true, NULL),
    ('STALE.US', 'US', 'common_stock', true, now() - interval '3 days'),
    ('OLDER.US', 'US', 'etf', true, now() - interval '5 days'),
    ('FRESH.US', 'US', 'common_stock', true, now() - interval '1 hour'),
    ('GONE.US', 'US', 'common_stock', false, NULL);

SELECT results_eq(
    $$SELECT symbol FROM equities.claim_assets_for_sync(interval '1 day', 2)$$,
    $$VALUES ('NEVER.US'), ('OLDER.US')$$,
    'never-synced assets come first, then the longest unsynced, up to the limit');
SELECT results_eq(
    $$SELECT symbol FROM equities.claim_assets_for_sync(interval '1 day', 10)$$,
    $$VALUES ('STALE.US')$$,
    'claimed assets are not handed out again while their lease runs; fresh and inactive assets are never due');
SELECT is_empty($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 10)$$, 'then nothing is due');

SELECT lives_ok($$SELECT equities.record_sync('NEVER.US')$$, 'a successful sync is recorded');
SELECT results_eq(
    $$SELECT last_synced IS NOT NULL, sync_claimed_until FROM equities.assets WHERE symbol = 'NEVER.US'$$,
    $$VALUES (true, NULL::timestamptz)$$,
    'recording a sync sets last_synced and releases the claim');

-- A worker that died: its lease expires and the asset is due again.
UPDATE equities.assets SET sync_claimed_until = now() - interval '1 second' WHERE symbol = 'OLDER.US';
SELECT results_eq($$SELECT symbol FROM equities.claim_assets_for_sync(interval '1 day', 10)$$, $$VALUES ('OLDER.US')$$,
    'an expired claim makes the asset due again');

SELECT results_eq($$SELECT symbol FROM equities.claim_assets_for_sync(interval '0', 10, interval '1 minute')$$,
    $$VALUES ('FRESH.US')$$,
    'with a max age of 0 every unclaimed active asset synced before now is due (NEVER.US was synced just now)');

SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 0)$$, '22023', 'p_limit must be 1 or more, got 0',
    'a limit below 1 is rejected');
SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '-1 day', 5)$$, '22023', 'p_max_age must be from 0 to 10 years, got -1 days',
    'a negative max age is rejected');
SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval 'infinity', 5)$$, '22023', 'p_max_age must be from 0 to 10 years, got infinity',
    'an infinite max age is rejected');
SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 1, interval 'infinity')$$, '22023',
    'p_lease must be positive and at most 1 day, got infinity', 'an infinite lease is rejected: it would lock the asset out for ever');
SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 1, interval '1000 years')$$, '22023',
    'p_lease must be positive and at most 1 day, got 1000 years', 'a thousand-year lease is rejected');
SELECT throws_like($$SELECT equities.record_sync('FRESH.US', '-infinity')$$, 'p_synced_at must be within the last day%',
    'a sync at -infinity is rejected');
SELECT throws_like($$SELECT equities.record_sync('FRESH.US', '1900-01-01')$$, 'p_synced_at must be within the last day%',
    'a sync in 1900 is rejected');
SELECT is((SELECT count(*)::integer FROM equities.assets WHERE sync_claimed_until > now() + interval '1 day' OR last_synced < now() - interval '10 years'),
    0, 'no rejected call changed an asset');
SELECT throws_ok($$SELECT equities.record_sync('NOPE.US')$$, '22023', 'p_symbol: asset NOPE.US does not exist',
    'recording a sync of an unknown asset is rejected');

SET LOCAL ROLE marketdb_writer;
SELECT lives_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 1)$$, 'the writer role runs the sync functions');
RESET ROLE;
SET LOCAL ROLE marketdb_reader;
SELECT throws_ok($$SELECT * FROM equities.claim_assets_for_sync(interval '1 day', 1)$$, '42501', NULL, 'the reader role cannot claim assets');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
