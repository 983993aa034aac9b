-- core/extensions: TimescaleDB installed and preloaded, in its own schema.
BEGIN;
SELECT plan(6);

SELECT diag('TimescaleDB edition: ' || current_setting('timescaledb.license'));

SELECT has_extension('timescaledb', 'timescaledb', 'timescaledb is installed in schema timescaledb');
SELECT hasnt_extension('public', 'timescaledb', 'timescaledb is not installed in public');
SELECT ok(
    'timescaledb' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ',')),
    'timescaledb is in shared_preload_libraries'
);
SELECT is(
    (SELECT count(*)::integer FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname IN ('create_hypertable', 'time_bucket', 'drop_chunks')),
    0,
    'no TimescaleDB API function lands in public'
);
SELECT ok(
    current_setting('timescaledb.license') IN ('apache', 'timescale'),
    'the TimescaleDB edition is one marketdb supports (apache or timescale)'
);
SELECT is(
    timescaledb.time_bucket('15 minutes'::interval, '2026-01-01 10:31:00+00'::timestamptz),
    '2026-01-01 10:30:00+00'::timestamptz,
    'the API is callable schema-qualified'
);

SELECT * FROM finish();
ROLLBACK;
