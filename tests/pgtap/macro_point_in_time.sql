-- macro.series_as_of: a backtest at time T never sees a value, or a revision, released after T.
BEGIN;
SELECT plan(12);

INSERT INTO macro.data_sources (name, base_url, auth_type, rate_limit) VALUES ('FRED', 'https://fred.example', 'api_key', 120);
INSERT INTO macro.series_metadata (source_id, series_code, frequency, unit)
SELECT id, 'CPIAUCSL', 'monthly', 'index' FROM macro.data_sources WHERE name = 'FRED';
CREATE TEMP TABLE s AS SELECT id FROM macro.series_metadata WHERE series_code = 'CPIAUCSL';
GRANT SELECT ON s TO marketdb_reader;

-- January first released 2026-02-11, revised 2026-03-12 and 2026-04-10; February released
-- 2026-03-12, revised 2026-04-10; March released 2026-04-10.
INSERT INTO macro.macro_series (series_id, observation_date, value, release_time)
SELECT (SELECT id FROM s), d::date, v, r::timestamptz FROM (VALUES
    ('2026-01-01', 310.1, '2026-02-11 13:30+00'),
    ('2026-01-01', 310.3, '2026-03-12 12:30+00'),
    ('2026-01-01', 310.4, '2026-04-10 12:30+00'),
    ('2026-02-01', 311.0, '2026-03-12 12:30+00'),
    ('2026-02-01', 311.2, '2026-04-10 12:30+00'),
    ('2026-03-01', 312.5, '2026-04-10 12:30+00')) AS v(d, v, r);

SELECT is_empty($$SELECT * FROM macro.series_as_of((SELECT id FROM s), '2026-02-11 13:29:59+00')$$,
    'a second before the first release nothing is known');
SELECT results_eq($$SELECT observation_date, value FROM macro.series_as_of((SELECT id FROM s), '2026-02-11 13:30+00')$$,
    $$VALUES ('2026-01-01'::date, 310.1::numeric)$$,
    'at the moment of release the first print is visible');
SELECT results_eq($$SELECT observation_date, value FROM macro.series_as_of((SELECT id FROM s), '2026-03-31 00:00+00')$$,
    $$VALUES ('2026-01-01'::date, 310.3::numeric), ('2026-02-01', 311.0)$$,
    'at the end of March: January as first revised, February as first printed');
SELECT results_eq($$SELECT observation_date, value, release_time FROM macro.series_as_of((SELECT id FROM s), 'infinity')$$,
    $$VALUES ('2026-01-01'::date, 310.4::numeric, '2026-04-10 12:30+00'::timestamptz), ('2026-02-01', 311.2, '2026-04-10 12:30+00'),
             ('2026-03-01', 312.5, '2026-04-10 12:30+00')$$,
    'today: the latest revision of every observation');
SELECT is_empty(
    $$SELECT * FROM generate_series(timestamptz '2026-02-01', '2026-05-01', interval '6 hours') AS t
       CROSS JOIN LATERAL macro.series_as_of((SELECT id FROM s), t) AS v WHERE v.release_time > t$$,
    'at every point in time from February to May, no value released after that point is returned');
SELECT results_eq($$SELECT observation_date FROM macro.series_as_of((SELECT id FROM s), 'infinity', '2026-02-01', '2026-02-28')$$,
    $$VALUES ('2026-02-01'::date)$$, 'p_from and p_to restrict the observation dates');

SELECT throws_ok($$SELECT * FROM macro.series_as_of((SELECT id FROM s), NULL)$$,
    '22023', 'p_as_of must not be NULL: a point-in-time read needs the point', 'a NULL as-of time is rejected');
SELECT throws_ok($$SELECT * FROM macro.series_as_of((SELECT id FROM s), now(), '2026-03-01', '2026-01-01')$$,
    '22023', 'p_from (2026-03-01) is after p_to (2026-01-01)', 'an inverted date range is rejected');
SELECT throws_like($$INSERT INTO macro.macro_series (series_id, observation_date, value, release_time)
                     VALUES ((SELECT id FROM s), '2026-05-01', 1, '2026-04-30 00:00+00')$$,
    '%"macro_series_released_after_observation"%', 'a release before its observation period began is rejected');

SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT count(*)::integer FROM macro.series_as_of((SELECT id FROM s), 'infinity')), 3, 'the reader role runs point-in-time reads');
RESET ROLE;

-- The read needs no index of its own: the release key read backwards gives its order.
SELECT hasnt_index('macro', 'macro_series', 'macro_series_as_of_idx', 'macro_series has no index duplicating its release key');
CREATE FUNCTION pg_temp.plan_of(p_query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v text := '';
BEGIN
    FOR r IN EXECUTE 'EXPLAIN ' || p_query LOOP
        v := v || r."QUERY PLAN" || E'\n';
    END LOOP;
    RETURN v;
END $$;
SET LOCAL enable_seqscan = off;
SELECT matches(
    pg_temp.plan_of(format($q$SELECT DISTINCT ON (m.observation_date) m.observation_date, m.value, m.release_time
                                FROM macro.macro_series AS m WHERE m.series_id = %s AND m.release_time <= now()
                               ORDER BY m.observation_date DESC, m.release_time DESC$q$, (SELECT id FROM s))),
    'Index Scan Backward using \S*macro_series_release_key',
    'series_as_of''s query scans the release key backwards');
RESET enable_seqscan;

SELECT * FROM finish();
ROLLBACK;
